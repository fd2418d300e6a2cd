"""What replylint's own processes (the command line, the MCP server) do that a library must not,
because it changes the whole process: start without spaCy's own command line, and keep
long-lived objects out of the garbage collector's full scans.

`import spacy` runs spacy/__init__.py, which imports spaCy's command line (requests, weasel,
its typer commands ...): a quarter of a replylint run on one draft. replylint needs spaCy's
tokenizer, vocabulary and language data, which are submodules. So the command line puts the
package in place uninitialised and imports what the real __init__ imports first (its warning
set-up and its pipelines, in that order, which spaCy's modules need among themselves). A
submodule is imported when asked for; the first use of anything else the package defines
(spacy.blank, spacy.load, ...) runs the real __init__ then, in the same module. If any of
this fails, spaCy is imported the usual way. Library users, who may use spaCy themselves,
never get this: only `replylint` on the command line calls it.
"""

import gc
import importlib
import importlib.util
import sys

_languages_settled = -1


def defer_spacy_init() -> None:
    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return
    package = importlib.util.module_from_spec(spec)

    def attribute(name: str):
        if importlib.util.find_spec(f"spacy.{name}") is not None:
            return importlib.import_module(f"spacy.{name}")
        del package.__getattr__
        spec.loader.exec_module(package)  # the real __init__: everything spaCy defines
        return getattr(package, name)

    package.__getattr__ = attribute
    sys.modules["spacy"] = package
    try:
        errors = importlib.import_module("spacy.errors")
        getattr(errors, "setup_default_warnings", lambda: None)()
        importlib.import_module("spacy.pipeline")
    except Exception:  # another spaCy whose modules need another order: import it whole
        for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
            del sys.modules[name]


def settle(compiled_languages: int) -> None:
    """Once loading is done, and again whenever another language has been compiled, move what
    exists (spaCy, the compiled rules, their caches) out of the garbage collector's sight: it
    lives as long as the process, and rescanning it in every full collection cost 8% of the
    checking (and 100 ms pauses in a server)."""
    global _languages_settled
    if compiled_languages != _languages_settled:
        _languages_settled = compiled_languages
        gc.freeze()
