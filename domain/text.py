"""Text the ledger records (문자열 값): each kind with its bound, checked and normalised once.

Every name, title, description, reason, address, ground, memo or note a command brings passes
:meth:`TextKind.check` before an event records it. The check

- normalises to Unicode NFC (the composed form: 한 as one code point, never ᄒ+ᅡ+ᆫ), so equal
  text is stored as equal strings, and strips surrounding white space;
- refuses control characters (category Cc: NUL, the other C0 and C1 controls, DEL; a multi-line
  kind accepts LF, and reads CR LF or a lone CR as LF), lone surrogates (Cs), unassigned code
  points and noncharacters (Cn), line and paragraph separators (Zl, Zp), and the bidirectional
  embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a page
  show text in another order than it is stored;
- refuses blank text where the kind is required;
- refuses text longer than the kind's bound, counted in characters (code points) after
  normalisation.

A refusal is :class:`~domain.errors.InvalidText` (``invalid-text``) naming the field, the bound
and the length. The bounds are the write side's promise to the read side: every read-model column
a kind's text reaches holds at least its bound (a test derives that from the code), so what a
command may record, every projection can store. Replaying events never checks again: an event
recorded before a bound existed still replays.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from domain.errors import InvalidText

#: Bidirectional embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO; LRI, RLI,
#: FSI, PDI): they reorder what a page shows. The plain marks (LRM, RLM, ALM) stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Unicode categories no text of the ledger may hold: controls, surrogates, unassigned code
#: points and noncharacters, line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Cn", "Zl", "Zp"})


def _refused(character: str, multiline: bool) -> str | None:
    """Why ``character`` may not be stored (None: it may)."""
    if character == "\n" and multiline:
        return None
    if character in BIDI_CONTROLS:
        return "a bidirectional control character"
    category = unicodedata.category(character)
    if category not in _REFUSED_CATEGORIES:
        return None
    return {
        "Cc": "a control character",
        "Cs": "a lone surrogate",
        "Cn": "an unassigned code point or noncharacter",
    }.get(category, "a line or paragraph separator")


@dataclass(frozen=True, slots=True)
class TextKind:
    """A kind of text the ledger records: its bound in characters, whether it may span lines
    (LF) and whether it may be blank."""

    name: str
    max_length: int
    multiline: bool = False
    required: bool = True

    def check(self, value: object, field: str | None = None) -> str:
        """``value`` normalised (NFC, stripped), or :class:`InvalidText` saying why not."""
        where = field or self.name
        if not isinstance(value, str):
            raise InvalidText(f"{where} must be text, got {type(value).__name__}", field=where)
        text = value
        if self.multiline and "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        # The common case, printable text (no control, format, surrogate, unassigned or separator
        # character but the space), is one scan in C. Characters are judged before normalising,
        # so a lone surrogate (which NFC cannot take) is refused by name, not by a codec error.
        if not text.isprintable():
            for character in set(text):
                why = None if character.isprintable() else _refused(character, self.multiline)
                if why is not None:
                    raise InvalidText(
                        f"{where} contains {why} (U+{ord(character):04X})",
                        field=where,
                        character=f"U+{ord(character):04X}",
                    )
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = text.strip()
        if self.required and not text:
            raise InvalidText(f"{where} must not be blank", field=where)
        if len(text) > self.max_length:
            raise InvalidText(
                f"{where} has {len(text)} characters; at most {self.max_length} are allowed",
                field=where,
                length=len(text),
                maximum=self.max_length,
            )
        return text


# --- the kinds of text the ledger records -------------------------------------------------------
# A bound is what a user needs, and what every read-model column the text reaches can hold.

#: Who acted (행위자): the API user's name every event carries.
ACTOR = TextKind("actor", 200)
#: 기관명, 거래처명 (a vendor's or a payee's name).
NAME = TextKind("name", 200)
#: 납부자명: the payer of an assessment (a person's is never disclosed).
PAYER = TextKind("payer", 200)
#: 세부사업명, 세입과목명: the title of a budget or revenue line (shown in every list beside its code).
LINE_TITLE = TextKind("title", 200)
#: 품의 제목, 계약명: the title of a requisition or a contract.
TITLE = TextKind("title", 1_000)
#: 계약부서: the department that made a contract.
DEPARTMENT = TextKind("department", 200)
#: 주소: a vendor's address (may be blank).
ADDRESS = TextKind("address", 500, required=False)
#: 적요 of an obligation or a voucher: what it is for.
DESCRIPTION = TextKind("description", 1_000, multiline=True)
#: 사유: why a change, a rejection, a return, a termination or a lift was made.
REASON = TextKind("reason", 1_000, multiline=True)
#: 수의계약 사유 상세: the explanation of a private contract's ground (blank unless needed).
REASON_DETAIL = TextKind("private_reason_detail", 1_000, multiline=True, required=False)
#: 제재 사유: the ground of a debarment.
GROUND = TextKind("ground", 1_000, multiline=True)
#: 검수 의견: an inspection's note (may be blank).
NOTE = TextKind("note", 1_000, multiline=True, required=False)
#: 적요 of a manual journal entry, as every posting of it carries it.
MEMO = TextKind("memo", 300)
#: 추경 근거: the amendment (추가경정예산) a budget change follows.
REFERENCE = TextKind("reference", 200)
#: 출처: where a recorded statistic comes from (the population's count: 주민등록인구통계, its month).
SOURCE = TextKind("source", 200)

KINDS: tuple[TextKind, ...] = (
    ACTOR,
    NAME,
    PAYER,
    LINE_TITLE,
    TITLE,
    DEPARTMENT,
    ADDRESS,
    DESCRIPTION,
    REASON,
    REASON_DETAIL,
    GROUND,
    NOTE,
    MEMO,
    REFERENCE,
    SOURCE,
)


def a(word: str) -> str:
    """``word`` with its indefinite article, for a detail that names a state or kind: "an approved
    requisition", "a drafted voucher" (by the first letter, which is right for every state and
    kind the ledger names)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
