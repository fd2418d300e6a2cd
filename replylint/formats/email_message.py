"""An .eml message: its body is the reply (headers are not). A plain single-part body keeps
exact offsets; a decoded or multipart body maps each character to where its part starts."""

import email
import email.policy
import re

from .markup import blank, looks_like_html, mask_html

_HEADER_END = re.compile(r"\r?\n\r?\n|\r\r")


def body(text: str) -> tuple[str, str, list[int] | None]:
    header_end = _HEADER_END.search(text)
    body_start = header_end.end() if header_end else len(text)
    message = email.message_from_string(text, policy=email.policy.default)
    encoding = str(message.get("Content-Transfer-Encoding", "7bit")).lower()
    if not message.is_multipart() and encoding in ("7bit", "8bit", "binary"):
        content = blank(text[:body_start]) + text[body_start:]
        return "", mask_html(content) if message.get_content_type() == "text/html" else content, None
    part = message.get_body(preferencelist=("plain", "html"))
    decoded = _content(part) if part is not None else ""
    if part is not None and part.get_content_type() == "text/html" or looks_like_html(decoded):
        decoded = mask_html(decoded)
    return "", decoded, [body_start] * len(decoded)


def sender_name(text: str) -> str:
    """The display name in From:, for checking the name a reply greets."""
    message = email.message_from_string(text, policy=email.policy.default)
    sender = message.get("From")
    addresses = getattr(sender, "addresses", ()) if sender else ()
    return addresses[0].display_name if addresses else ""


def _content(part) -> str:
    try:
        return part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")
