"""SearchMedia's ``Match`` grammar: a tokenizer, a recursive-descent parser and a SQL compiler."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

MAX_IN_IDS = 100  # ``VideoId in (...)`` takes at most 100 ids


class MatchError(ValueError):
    """The expression is malformed or names a field this search type does not know."""


class Kind(Enum):
    """How a field may be compared: exact (=), fuzzy (substring), range, or the value list (in)."""

    EXACT = "exact"
    FUZZY = "fuzzy"
    RANGE = "range"


@dataclass(frozen=True)
class Field:
    column: str  # a SQL expression over the ``media`` table
    kind: Kind
    multi: bool = True  # ``in (...)`` allowed
    numeric: bool = False
    time: bool = False


_PREPROCESS = "COALESCE(json_extract(extra, '$.PreprocessStatus'), 'UnPreprocess')"
_COMMON: dict[str, Field] = {
    "CateId": Field("cate_id", Kind.EXACT, multi=False, numeric=True),
    "StorageLocation": Field("storage_location", Kind.EXACT),
    "Title": Field("title", Kind.FUZZY),
    "Tags": Field("tags", Kind.FUZZY),
    "Description": Field("description", Kind.FUZZY),
    "Status": Field("status", Kind.EXACT),
    "AppId": Field("app_id", Kind.EXACT),
    "CreationTime": Field("created_at", Kind.RANGE, multi=False, time=True),
    "ModificationTime": Field("modified_at", Kind.RANGE, multi=False, time=True),
}
_PLAYABLE = {
    "MediaSource": Field("media_source", Kind.EXACT),
    "PreprocessStatus": Field(_PREPROCESS, Kind.EXACT),
    "Size": Field("size", Kind.RANGE, multi=False, numeric=True),
    "Duration": Field("duration", Kind.RANGE, multi=False, numeric=True),
}

# Per SearchType whitelists (reference §2.8); anything else is rejected as the service does.
FIELDS: dict[str, dict[str, Field]] = {
    "video": {"VideoId": Field("media_id", Kind.EXACT), **_COMMON, **_PLAYABLE},
    # Audio ids are also accepted under VideoId: the docs name no audio id field and clients differ.
    "audio": {
        "AudioId": Field("media_id", Kind.EXACT),
        "VideoId": Field("media_id", Kind.EXACT),
        **_COMMON,
        **_PLAYABLE,
    },
    "image": {
        "ImageId": Field("media_id", Kind.EXACT),
        "FileName": Field("file_name", Kind.FUZZY),
        "ImageType": Field("business_type", Kind.EXACT),
        **_COMMON,
    },
    "attached": {
        "MediaId": Field("media_id", Kind.EXACT),
        "BusinessType": Field("business_type", Kind.EXACT),
        "FileName": Field("file_name", Kind.FUZZY),
        **_COMMON,
    },
}

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>'(?:[^']|'')*')
      | (?P<num>-?\d+(?:\.\d+)?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<punct>[=()\[\],])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # str | num | word | punct | end
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        found = _TOKEN.match(text, pos)
        if not found or found.lastgroup is None:
            raise MatchError(f"unexpected character at {pos}: {text[pos : pos + 10]!r}")
        kind = found.lastgroup
        raw = found.group(kind)
        value = raw[1:-1].replace("''", "'") if kind == "str" else raw
        tokens.append(Token(kind, value, found.start(kind)))
        pos = found.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


Value = str | float


@dataclass(frozen=True)
class Compiled:
    """A SQL boolean expression over ``media`` and its positional parameters."""

    sql: str
    params: tuple[object, ...]


class _Parser:
    """expr := term ('and' term)* ; group := '(' expr ('or' expr)* ')' ; term := group | condition."""

    def __init__(self, text: str, fields: dict[str, Field]) -> None:
        self.tokens = tokenize(text)
        self.index = 0
        self.fields = fields

    # ---- token helpers -----------------------------------------------------------------------
    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def is_word(self, word: str) -> bool:
        token = self.peek()
        return token.kind == "word" and token.text.lower() == word

    def expect(self, text: str) -> None:
        token = self.take()
        if token.kind != "punct" or token.text != text:
            raise MatchError(f"expected {text!r} at {token.pos}")

    # ---- grammar -----------------------------------------------------------------------------
    def parse(self) -> Compiled:
        result = self.conjunction()
        token = self.peek()
        if token.kind != "end":
            if self.is_word("or"):
                raise MatchError(f"'or' needs parentheses (at {token.pos})")
            raise MatchError(f"unexpected {token.text!r} at {token.pos}")
        return result

    def conjunction(self) -> Compiled:
        parts = [self.term()]
        while self.is_word("and"):
            self.take()
            parts.append(self.term())
        return _join(parts, "AND")

    def term(self) -> Compiled:
        token = self.peek()
        if token.kind == "punct" and token.text == "(":
            self.take()
            parts = [self.conjunction()]
            while self.is_word("or"):
                self.take()
                parts.append(self.conjunction())
            self.expect(")")
            return _join(parts, "OR")
        return self.condition()

    def condition(self) -> Compiled:
        token = self.take()
        if token.kind != "word" or token.text.lower() in ("and", "or", "in"):
            raise MatchError(f"expected a field name at {token.pos}")
        spec = self.fields.get(token.text)
        if spec is None:
            raise MatchError(f"unknown field {token.text!r}")
        if self.is_word("in"):
            self.take()
            return self.in_list(token.text, spec)
        self.expect("=")
        following = self.peek()
        if following.kind == "punct" and following.text in "([":
            return self.range(token.text, spec)
        return self.equals(spec, self.value(spec))

    def value(self, spec: Field) -> Value:
        token = self.take()
        if token.kind not in ("str", "num"):
            raise MatchError(f"expected a value at {token.pos}")
        return _convert(token.text, spec)

    def equals(self, spec: Field, value: Value) -> Compiled:
        if spec.kind is Kind.FUZZY:
            return _fuzzy(spec, str(value))
        return Compiled(f"{spec.column} = ?", (value,))

    def in_list(self, name: str, spec: Field) -> Compiled:
        if not spec.multi:
            raise MatchError(f"field {name!r} does not take 'in'")
        self.expect("(")
        values = [self.value(spec)]
        while self.peek().text == "," and self.peek().kind == "punct":
            self.take()
            values.append(self.value(spec))
        self.expect(")")
        if spec.column == "media_id" and len(values) > MAX_IN_IDS:
            raise MatchError(f"at most {MAX_IN_IDS} ids in {name!r}")
        if spec.kind is Kind.FUZZY:
            return _join([_fuzzy(spec, str(v)) for v in values], "OR")
        marks = ",".join("?" * len(values))
        return Compiled(f"{spec.column} IN ({marks})", tuple(values))

    def range(self, name: str, spec: Field) -> Compiled:
        if spec.kind is not Kind.RANGE:
            raise MatchError(f"field {name!r} does not take a range")
        opening = self.take().text
        low = None if self.peek().text == "," else self.value(spec)
        self.expect(",")
        closing = self.peek()
        high = None if closing.kind == "punct" and closing.text in ")]" else self.value(spec)
        closing = self.take()
        if closing.kind != "punct" or closing.text not in ")]":
            raise MatchError(f"expected ')' or ']' at {closing.pos}")
        if low is None and high is None:
            raise MatchError(f"empty range for {name!r}")
        clauses: list[str] = []
        params: list[object] = []
        if low is not None:
            clauses.append(f"{spec.column} {'>=' if opening == '[' else '>'} ?")
            params.append(low)
        if high is not None:
            clauses.append(f"{spec.column} {'<=' if closing.text == ']' else '<'} ?")
            params.append(high)
        return Compiled(" AND ".join(clauses), tuple(params))


def _convert(text: str, spec: Field) -> Value:
    if spec.time:
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise MatchError(f"not a UTC time: {text!r}") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.timestamp()
    if spec.numeric:
        try:
            return float(text)
        except ValueError:
            raise MatchError(f"not a number: {text!r}") from None
    return text


def _fuzzy(spec: Field, value: str) -> Compiled:
    # Case-insensitive substring (SQLite's LIKE folds ASCII case, as the old lower()/instr did, faster);
    # for Tags a substring of the comma-joined list is a match on any tag.
    needle = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Compiled(f"{spec.column} LIKE ? ESCAPE '\\'", (f"%{needle}%",))


def _join(parts: list[Compiled], op: str) -> Compiled:
    if len(parts) == 1:
        return parts[0]
    sql = f" {op} ".join(f"({part.sql})" for part in parts)
    params = tuple(param for part in parts for param in part.params)
    return Compiled(sql, params)


def compile_match(text: str, search_type: str = "video") -> Compiled:
    """Compile a Match expression for one SearchType; an empty expression matches everything."""
    fields = FIELDS.get(search_type)
    if fields is None:
        raise MatchError(f"unknown search type {search_type!r}")
    if not text.strip():
        return Compiled("1", ())
    return _Parser(text, fields).parse()
