"""The spaCy tokenizer of a language, as spacy.blank(lang) would build it.

Built straight from the language's Defaults (its exceptions, prefix, suffix and infix rules,
URL and token matches) rather than through a Language object, whose configuration machinery
costs a cold start about 20 ms. Languages with a tokenizer of their own (Japanese, Chinese,
...) are built with spacy.blank as usual.
"""

from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    get_lang_class,
)
from spacy.vocab import create_vocab

DEFAULT_TOKENIZER = "spacy.Tokenizer.v1"


def build_tokenizer(code: str) -> Tokenizer:
    language = get_lang_class(code)
    if language.default_config["nlp"]["tokenizer"].get("@tokenizers") != DEFAULT_TOKENIZER:
        import spacy

        return spacy.blank(code).tokenizer
    defaults = language.Defaults
    return Tokenizer(
        create_vocab(code, defaults),
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
