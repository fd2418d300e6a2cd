"""Six languages: detection, inflection, scripts and casing, and the same rule ids everywhere."""

import pytest

from replylint import lint
from replylint.detect import detect
from replylint.language import load_languages

LANGUAGES = load_languages()

SAMPLES = [
    ("en", "Hi Jane, thanks for reaching out. We will refund you today."),
    ("en", "Your order has shipped and should arrive by Friday."),
    ("ru", "Здравствуйте! Спасибо за обращение, мы проверим ваш заказ."),
    ("ru", "Мы вернём деньги в течение трёх дней."),
    ("sr", "Zdravo Marko, hvala na poruci. Vaša porudžbina je poslata danas."),
    ("sr", "Hvala na strpljenju, javicemo vam se sutra."),
    ("sr", "Здраво Марко, хвала на поруци. Ваша поруџбина је послата данас."),
    ("sr", "Добар дан, хвала вам на стрпљењу."),
    ("pt", "Olá Maria, obrigado pelo contato. Vamos reembolsar hoje."),
    ("pt", "Obrigado pelo contato, o seu pedido foi enviado ontem."),
    ("tr", "Merhaba Ayşe Hanım, bizimle iletişime geçtiğiniz için teşekkür ederiz."),
    ("tr", "Siparişiniz bugün kargoya verildi."),
    ("lv", "Labdien, Anna! Paldies, ka sazinājāties ar mums."),
    ("lv", "Jūsu pasūtījums šodien ir nosūtīts."),
]


@pytest.mark.parametrize("language,text", SAMPLES)
def test_language_is_detected(language, text):
    assert detect(text, LANGUAGES, "en").language == language


def test_latin_serbian_is_serbian_not_croatian_or_turkish():
    for text in ("Poštovani, hvala što ste nas kontaktirali.", "Hvala na poruci, odgovorićemo vam uskoro."):
        assert detect(text, LANGUAGES, "en").language == "sr"


def test_too_short_text_falls_back_and_says_so():
    found = detect("Ok!", LANGUAGES, "lv")
    assert found.language == "lv" and "too little text" in found.notice
    report = lint("Ok!", "auto")
    assert report.language == "en" and report.notices


def test_report_gives_the_language_used():
    assert lint("Здравствуйте! Мы скоро ответим.").language == "ru"


@pytest.mark.parametrize("language,text,rule", [
    ("ru", "Здравствуйте, Анна!\n\nБлагодарим за обращение. Мы ответим вам в ближайшее время.", "vague-timeframe"),
    ("ru", "Здравствуйте, Анна!\n\nБлагодарю вас за обращение. Приносим извинения. Ещё раз извините.", "over-apology"),
    ("sr", "Zdravo Ana,\n\nHvala na poruci. Odgovorićemo vam uskoro.", "vague-timeframe"),
    ("sr", "Здраво Ана,\n\nХвала на поруци. Одговорићемо вам ускоро.", "vague-timeframe"),
    ("pt", "Olá Maria,\n\nObrigado pelo contato. Responderemos em breve.", "vague-timeframe"),
    ("tr", "Merhaba Ayşe Hanım,\n\nBize ulaştığınız için teşekkür ederiz. En kısa sürede dönüş yapacağız.", "vague-timeframe"),
    ("lv", "Labdien, Anna!\n\nPaldies par jūsu ziņu. Mēs atbildēsim tuvākajā laikā.", "vague-timeframe"),
])
def test_inflected_and_both_script_forms_fire(language, text, rule):
    assert rule in {v.rule for v in lint(text, language).violations}


@pytest.mark.parametrize("language,text", [
    ("ru", "Здравствуйте, Анна!\n\nБлагодарим вас за обращение в службу поддержки."),
    ("ru", "Добрый день, Анна!\n\nСпасибо, что написали нам."),
    ("sr", "Zdravo Ana,\n\nHvala vam što ste nas kontaktirali."),
    ("sr", "Здраво Ана,\n\nХвала вам што сте нас контактирали."),
    ("pt", "Olá Maria,\n\nAgradecemos o seu contato."),
    ("tr", "Merhaba Ayşe Hanım,\n\nBizimle iletişime geçtiğiniz için teşekkürler."),
    ("tr", "MERHABA AYŞE HANIM,\n\nİLETİŞİME GEÇTİĞİNİZ İÇİN TEŞEKKÜR EDERİZ."),
    ("lv", "Labdien, Anna!\n\nPateicamies, ka sazinājāties ar mums."),
])
def test_thanks_in_any_inflection_or_case_counts(language, text):
    assert "thank-first" not in {v.rule for v in lint(text, language).violations}


def test_every_language_has_greeting_vocabulary_and_a_lemma_source():
    for code, language in LANGUAGES.items():
        assert language.structure.get("greetings"), code
        assert language.structure.get("signoffs"), code
        assert language.lemma_source.get("source") in ("spacy-lookups-data", "simplemma"), code
