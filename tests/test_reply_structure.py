"""The reply structure that rules' scopes are read from."""



def parts(linter, text, language="en"):
    reply = linter.check(text, language).reply
    cut = lambda span: text[span[0]:span[1]] if span else None  # noqa: E731
    return {
        "greeting": cut(reply.greeting),
        "addressee": reply.addressee,
        "first_sentence": cut(reply.units("first_sentence")[0]) if reply.units("first_sentence") else None,
        "closing": cut(reply.closing),
        "signature": cut(reply.signature),
        "paragraphs": [cut(p) for p in reply.paragraphs],
    }


def test_email_with_greeting_closing_and_signature(linter):
    found = parts(linter, "Hi Jane,\n\nThanks for writing. We fixed it.\n\nIs there anything else?\n\nBest regards,\nSam Lee\nAcme Support\n")
    assert found["greeting"] == "Hi Jane,"
    assert found["addressee"] == "Jane"
    assert found["first_sentence"] == "Thanks for writing."
    assert found["closing"] == "Best regards,\nSam Lee\nAcme Support"
    assert found["signature"] == "Sam Lee\nAcme Support"
    assert found["paragraphs"] == ["Thanks for writing. We fixed it.", "Is there anything else?"]


def test_greeting_on_the_same_line_as_the_first_sentence(linter):
    found = parts(linter, "Hello Tom, thanks for reaching out! Your order ships today.")
    assert found["greeting"] == "Hello Tom,"
    assert found["first_sentence"] == "thanks for reaching out!"


def test_generic_addressee_is_no_name(linter):
    assert parts(linter, "Dear Customer,\n\nThank you.")["addressee"] == ""
    assert parts(linter, "Hi there! Thanks.")["addressee"] == ""


def test_abbreviation_in_greeting_does_not_end_it(linter):
    assert parts(linter, "Dear Mrs. Smith,\n\nThank you for your letter.")["greeting"] == "Dear Mrs. Smith,"
    found = parts(linter, "Добрый день. Укажите номер заказа.", "ru")  # the greeting's own last word is no abbreviation
    assert found["greeting"] == "Добрый день." and found["first_sentence"] == "Укажите номер заказа."


def test_no_greeting_means_the_body_starts_at_once(linter):
    found = parts(linter, "Thanks for the report. We are on it.")
    assert found["greeting"] is None
    assert found["first_sentence"] == "Thanks for the report."


def test_quoted_history_is_not_part_of_the_reply(linter):
    text = "Hi Ann,\n\nThanks, fixed now.\n\nOn Mon, 3 Mar 2025 at 10:00, Ann <ann@example.com> wrote:\n> This is SO BROKEN!!! You should have tested it.\n"
    found = parts(linter, text)
    assert found["paragraphs"] == ["Thanks, fixed now."]
    rules = {v.rule for v in linter.check(text, "en").violations}
    assert "shouting" not in rules and "blame-customer" not in rules


def test_quote_marked_lines_inside_the_reply_are_skipped(linter):
    text = "Hi Ann,\n\n> you people are useless!!!\n\nThanks for your patience, it is fixed.\n"
    rules = {v.rule for v in linter.check(text, "en").violations}
    assert "shouting" not in rules and "abrasive-language" not in rules


def test_chat_handles_and_initials(linter):
    found = parts(linter, "@12345 Hi Kim, thanks for flagging this. We'll look today. ^RR")
    assert found["greeting"] == "Hi Kim,"
    assert found["signature"] == "^RR"
    assert found["first_sentence"] == "thanks for flagging this."


def test_thanks_line_as_sign_off(linter):
    found = parts(linter, "Hi Jo,\n\nYour refund is on its way.\n\nThanks,\nSam")
    assert found["closing"] == "Thanks,\nSam"
    assert found["paragraphs"] == ["Your refund is on its way."]


def test_thanks_sentence_at_the_end_is_not_a_sign_off(linter):
    found = parts(linter, "Hi Jo,\n\nYour refund is on its way.\n\nThanks for your patience while we sorted this out with the bank.")
    assert found["closing"] is None


def test_blank_line_ends_a_sentence(linter):
    found = parts(linter, "Hi Jo,\n\nYour refund\n\nis on its way")
    assert found["paragraphs"] == ["Your refund", "is on its way"]
    assert found["first_sentence"] == "Your refund"


def test_empty_and_whitespace_text(linter):
    assert linter.check("", "en").violations == []
    assert linter.check("  \n\t\n", "en").violations == []


def test_name_before_the_greeting(linter):
    found = parts(linter, "Анна, добрый день!\n\nСпасибо за обращение.", "ru")
    assert found["greeting"] == "Анна, добрый день!" and found["addressee"] == "Анна"
    found = parts(linter, "Ahmet Bey merhaba,\n\nBize ulaştığınız için teşekkürler.", "tr")
    assert found["greeting"] == "Ahmet Bey merhaba," and found["addressee"] == "Ahmet Bey"


def test_list_items_know_the_line_that_introduces_them(linter):
    text = "Hi Ann,\n\nTo reset it, follow these steps:\n\n1. Log in.\n2. Open Settings.\n- Then save.\n\nThat is all. Done."
    reply = linter.check(text, "en").reply
    lead_ins = {text[s:e]: (text[reply.lead_in((s, e))[0]:reply.lead_in((s, e))[1]] if reply.lead_in((s, e)) else None) for s, e in reply.sentences}
    assert lead_ins["Log in."] == lead_ins["Open Settings."] == lead_ins["Then save."] == "To reset it, follow these steps:"
    assert lead_ins["That is all."] is None and lead_ins["To reset it, follow these steps:"] is None


def test_a_list_item_starts_a_sentence_after_its_marker(linter):
    """'1.' is one token in Serbian and Turkish, two in English; '2)' and bullets are markers
    too. The marker is no sentence of its own; the item's first word starts one."""
    for language, text in [
        ("sr", "Uradite ovo:\n1. Prijavite se.\n2) Kliknite ovde.\n- Sačuvajte.\n• Gotovo je."),
        ("en", "Do this:\n1. Log in.\n2) Click here.\n- Save it.\n• Done."),
    ]:
        reply = linter.check(text, language).reply
        sentences = [text[s:e] for s, e in reply.sentences]
        assert sentences[0] == text.split("\n")[0]
        assert sentences[1:] == [line.split(" ", 1)[1] for line in text.split("\n")[1:]]
    reply = linter.check("Şubemiz 3. katta. Bekliyoruz.", "tr").reply  # an ordinal inside a line is no marker
    assert [reply.text[s:e] for s, e in reply.sentences] == ["Şubemiz 3. katta.", "Bekliyoruz."]


def test_a_blank_line_starts_a_sentence_even_before_a_small_letter(linter):
    """'Poštovani,' then a paragraph in lower case, as Serbian letters are written: its first
    word opens a sentence (for '^' phrases and IS_SENT_START), a wrapped line does not."""
    text = "Poštovani,\n\npošaljite nam broj porudžbine,\nkako bismo proverili."
    tokens = linter.check(text, "sr").reply.tokens
    starts = [tokens.text(i) for i in tokens.sentence_starts]
    assert "pošaljite" in starts and "kako" not in starts


def test_a_dot_after_a_number_ends_no_sentence_before_a_small_letter(linter):
    """Ordinals and years in Latvian, Serbian, Turkish dates ('2023. gada 1. janvārī')."""
    text = "Līgums noslēgts 2023. gada 1. janvārī un ir spēkā. Paldies par 3. Nākamais."
    reply = linter.check(text, "lv").reply
    assert [text[s:e] for s, e in reply.sentences] == ["Līgums noslēgts 2023. gada 1. janvārī un ir spēkā.", "Paldies par 3.", "Nākamais."]
    text = "Saskaņā ar līguma 7.3. punktu maksa netiek atmaksāta līdz 12.03.2026. gadam. Paldies."  # a section, a date
    assert [text[s:e] for s, e in linter.check(text, "lv").reply.sentences] == ["Saskaņā ar līguma 7.3. punktu maksa netiek atmaksāta līdz 12.03.2026. gadam.", "Paldies."]
    text = "Piezvanīsim rīt līdz plkst. 12, lai precizētu. Paldies."  # an abbreviation before a number
    assert [text[s:e] for s, e in linter.check(text, "lv").reply.sentences] == ["Piezvanīsim rīt līdz plkst. 12, lai precizētu.", "Paldies."]


def test_the_ending_leaves_out_the_opening_sentence(linter):
    """Thanks or an offer of help in the first sentence do not close a reply, unless it is
    the only sentence."""
    reply = linter.check("Thanks for writing! Your order shipped.\n\nWe will track it.", "en").reply
    assert [reply.text[s:e] for s, e in reply.units("ending")] == ["Your order shipped.", "We will track it."]
    reply = linter.check("Thanks for writing!", "en").reply
    assert [reply.text[s:e] for s, e in reply.units("ending")] == ["Thanks for writing!"]


def test_a_name_after_the_greetings_comma_is_the_addressee(linter):
    assert parts(linter, "Hello, Jane! Thanks for writing.")["addressee"] == "Jane"
    assert parts(linter, "Merhaba, Ahmet Bey. Teşekkürler.", "tr")["addressee"] == "Ahmet Bey"
    found = parts(linter, "Добрый день, благодарим вас за письмо. Заказ отправлен.", "ru")
    assert found["greeting"] == "Добрый день," and found["first_sentence"] == "благодарим вас за письмо."
    found = parts(linter, "Hi, Thanks! We fixed it.")  # a word the rules know is no name
    assert found["greeting"] == "Hi," and found["addressee"] == ""


def test_a_name_and_company_below_the_body_are_a_signature_without_a_sign_off(linter):
    assert parts(linter, "Labdien!\n\nPasūtījums nosūtīts.\n\nKristīne Liepa\nCitadele banka", "lv")["signature"] == "Kristīne Liepa\nCitadele banka"
    assert parts(linter, "Zdravo,\n\nPoslato je.\n\nMilan Petrović | Air Serbia", "sr")["signature"] == "Milan Petrović | Air Serbia"
    assert parts(linter, "Hi Jane,\n\nYour refund is on its way.\n\nHave a great day")["signature"] is None  # a sentence, not a name
    assert parts(linter, "Hi Jane,\n\nWe fixed it.\n\nCall Us: 555 0100")["signature"] is None


def test_a_word_the_rules_know_before_a_greeting_word_is_no_name(linter):
    assert parts(linter, "Morning Raj,\n\nThanks for writing.")["addressee"] == "Raj"
    assert parts(linter, "Good morning,\n\nThanks for writing.")["addressee"] == ""  # 'Good' is no name


def test_a_name_alone_on_the_first_line_is_the_addressee(linter):
    reply = linter.check("Helena,\n\nThank you for writing to us.", "en").reply
    assert reply.addressee == "Helena" and reply.greeting is None
    assert reply.text[slice(*reply.sentences[0])] == "Thank you for writing to us."
    assert linter.check("Thanks,\n\nWe refunded it.", "en").reply.addressee == ""


def test_a_wish_closes_a_reply_alone_or_after_a_few_words_on_its_line(linter):
    found = parts(linter, "Hi Jane,\n\nYour refund was issued.\n\nThanks, and have a great day!\nSam\nAcme Support")
    assert found["closing"] == "Thanks, and have a great day!\nSam\nAcme Support"
    assert found["signature"] == "Sam\nAcme Support"
    found = parts(linter, "Здравствуйте!\n\nВозврат оформлен.\n\nСпасибо за покупку и хорошего вам дня!\nМария, служба поддержки", "ru")
    assert found["signature"] == "Мария, служба поддержки"
    assert parts(linter, "Olá!\n\nO pedido foi enviado.\n\nObrigada e boa semana!\nAna\nCasa Mix", "pt")["signature"] == "Ana\nCasa Mix"
    assert parts(linter, "Merhaba,\n\nSiparişiniz kargoya verildi.\n\nTeşekkürler, iyi günler dileriz.\nAyşe\nKargoNet", "tr")["signature"] == "Ayşe\nKargoNet"
    # too many words before the wish: a sentence of the body, not a sign-off
    assert parts(linter, "Hi Jane,\n\nWe will call you back on Friday afternoon, have a great weekend!\nSam")["closing"] is None


def test_a_sign_off_line_ending_in_a_comma_over_a_name_closes_the_reply(linter):
    found = parts(linter, "Hi Jane,\n\nYour seat is confirmed.\n\nThank you for your patience, and safe travels,\nNina\nFleetway Air")
    assert found["signature"] == "Nina\nFleetway Air"
    # a hard-wrapped sentence goes on in small letters: no name under it
    assert parts(linter, "Hi Jane,\n\nYour seat is confirmed.\n\nThank you for your patience,\nwe know waiting is hard.")["closing"] is None


def test_a_sign_off_right_after_the_greeting_opens_the_body_instead(linter):
    found = parts(linter, "Zdravo Ana,\n\nhvala ti na strpljenju.\n\nKartica je deblokirana.", "sr")
    assert found["closing"] is None
    assert found["paragraphs"] == ["hvala ti na strpljenju.", "Kartica je deblokirana."]


def test_an_emoji_ends_the_greeting(linter):
    found = parts(linter, "Selam Ece 😊 Yazdığın için teşekkürler, mesajını aldım!", "tr")
    assert found["greeting"] == "Selam Ece 😊"
    assert found["addressee"] == "Ece"
    assert found["first_sentence"] == "Yazdığın için teşekkürler, mesajını aldım!"


def test_a_lead_in_wrapped_over_lines_is_read_whole(linter):
    text = "Poštovani,\n\nSve je spremno. Molimo Vas da uradite\nsledeće:\n1. Otvorite aplikaciju.\n2. Prijavite se."
    reply = linter.check(text, "sr").reply
    items = [s for s in reply.sentences if text[s[0]:s[1]].startswith(("Otvorite", "Prijavite"))]
    assert [text[slice(*reply.lead_in(s))] for s in items] == ["Molimo Vas da uradite\nsledeće:"] * 2


def test_a_name_on_the_sign_off_line_is_the_signature(linter):
    found = parts(linter, "Hi Jo,\n\nYour refund is on its way.\n\nThanks, Sam from Acme")
    assert (found["closing"], found["signature"]) == ("Thanks, Sam from Acme", "Sam from Acme")


def test_a_chat_reply_may_sign_off_after_a_sentence_on_its_last_line(linter):
    found = parts(linter, "Labdien! Paka ir ceļā. Paldies un jauku dienu! Marika, Omniva", "lv")
    assert (found["closing"], found["signature"]) == ("Paldies un jauku dienu! Marika, Omniva", "Marika, Omniva")
    found = parts(linter, "Здравствуйте! Посылка в пункте выдачи. Чем ещё могу помочь? Спасибо, хорошего дня!\nМария, служба доставки", "ru")
    assert found["signature"] == "Мария, служба доставки"
    assert found["paragraphs"] == ["Посылка в пункте выдачи. Чем ещё могу помочь?"]
    found = parts(linter, "Здравствуйте! Посылка в пункте выдачи. Хорошего дня! Саша, поддержка «Дом.ру»", "ru")
    assert found["signature"] == "Саша, поддержка «Дом.ру»"
    # no one signs, or the sentence goes on: the thanks stays in the body
    assert parts(linter, "Hi Jo, your order shipped. Thanks!")["closing"] is None
    assert parts(linter, "Hi Jo, we fixed it. Thanks to you it works now.")["closing"] is None


def test_a_title_with_a_dot_does_not_end_the_greeting(linter):
    found = parts(linter, "Prezada Dra. Helena,\n\nObrigada pelo contato.", "pt")
    assert (found["greeting"], found["addressee"]) == ("Prezada Dra. Helena,", "Dra. Helena")
    assert parts(linter, "Hi Sam. Thanks for writing.")["greeting"] == "Hi Sam."  # a name is no title


def test_a_chat_signature_may_name_a_longer_company_and_a_contact(linter):
    found = parts(linter, "Oi! Seu pedido foi enviado hoje. Obrigada e boa semana! Amanda, Ateliê Flor de Lis | sac@flordelis.com.br", "pt")
    assert found["signature"] == "Amanda, Ateliê Flor de Lis | sac@flordelis.com.br"
