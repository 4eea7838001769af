"""The one parser: template text → nodes.

    expression  comparison
    comparison  concat (("=" | "<>" | "<" | ">" | "<=" | ">=") concat)?
    concat      additive ("&" additive)*
    additive    term (("+" | "-") term)*
    term        unary (("*" | "/") unary)*
    unary       "-" unary | primary
    primary     number | "text" | function "(" arguments ")" | query | name | "(" expression ")"
    query       table ["#"] ["[" amount column "]"] "(" [criterion ("," criterion)*] ")"
    criterion   column "=" value  |  column "^=" value        (^= : begins with)

A name is any run of letters, digits, _ . and {placeholders}: 公开03_{code}_本年支出合计.
Functions are the old, unprefixed ones every Excel and WPS has (operators.FUNCTIONS, SUM); any
other word before "(" is a query over an input table.  Operators follow Excel's precedence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .nodes import Count, Criterion, Name, Node, Number, Query, Text
from .operators import COMPARISONS, FUNCTIONS, Binary, Call, Negate, Sum
from .values import valid_number_format


class ParseError(ValueError):
    """Malformed template text; ``position`` is the offset of the fault in the text."""

    def __init__(self, message: str, text: str, position: int):
        super().__init__(f"{message}：{text[:position]}▲{text[position:]}")
        self.reason = message
        self.position = position


NAME_CHARS = r"[^\s+\-*/&=<>(),\"\[\]#^!]"
TOKEN = re.compile(rf"""
    (?P<space>\s+)
  | (?P<query>(?P<table>{NAME_CHARS}+)(?P<count>\#)?(?:\[(?P<amount>[^\]]*)\])?\((?P<criteria>[^()]*)\))
  | (?P<text>"(?:[^"]|"")*")
  | (?P<op><>|<=|>=|\^=|[-+*/&=<>(),\[\]\#])
  | (?P<word>{NAME_CHARS}+)
""", re.VERBOSE)
NUMBER = re.compile(r"\d+(\.\d+)?")


def _is_function(word: str) -> bool:
    return word.upper() in FUNCTIONS or word.upper() == "SUM"


@dataclass
class Token:
    kind: str           # query | text | op | word | end
    text: str
    position: int
    match: re.Match | None = None


def tokenize(text: str) -> list[Token]:
    tokens, position = [], 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None:
            raise ParseError(f"无法识别的字符「{text[position]}」", text, position)
        kind = match.lastgroup
        if kind == "query" and _is_function(match["table"]):
            match = re.compile(rf"(?P<word>{NAME_CHARS}+)").match(text, position)
            kind = "word"
        elif kind in ("table", "count", "amount", "criteria"):
            kind = "query"
        if kind != "space":
            tokens.append(Token(kind, match.group(), position, match))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    # -- helpers
    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.token.kind == "op" and self.token.text in texts

    def expect(self, text: str, what: str) -> Token:
        if not self.at(text):
            self.fail(f"此处应为 {what}")
        return self.take()

    def fail(self, message: str, position: int | None = None):
        raise ParseError(message, self.text, self.token.position if position is None
                         else position)

    # -- grammar
    def parse(self) -> Node:
        if self.token.kind == "end":
            self.fail("表达式为空")
        node = self.comparison()
        if self.token.kind != "end":
            self.fail("表达式在此处多出内容")
        return node

    def comparison(self) -> Node:
        node = self.concat()
        if self.at(*COMPARISONS):
            operator = self.take().text
            node = Binary(operator, node, self.concat())
        return node

    def concat(self) -> Node:
        node = self.additive()
        while self.at("&"):
            self.take()
            node = Binary("&", node, self.additive())
        return node

    def additive(self) -> Node:
        node = self.term()
        while self.at("+", "-"):
            operator = self.take().text
            node = Binary(operator, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.at("*", "/"):
            operator = self.take().text
            node = Binary(operator, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.at("-"):
            self.take()
            operand = self.unary()
            if isinstance(operand, Number):
                return Number(-operand.number)
            return Negate(operand)
        return self.primary()

    def primary(self) -> Node:
        token = self.token
        if token.kind == "text":
            self.take()
            return Text(token.text[1:-1].replace('""', '"'))
        if self.at("("):
            self.take()
            node = self.comparison()
            self.expect(")", "「)」")
            return node
        if token.kind == "query":
            self.take()
            return self.query(token)
        if token.kind != "word":
            self.fail("此处应为数、文字、名称或查询")
        self.take()
        if NUMBER.fullmatch(token.text):
            return Number(Decimal(token.text))
        if self.at("("):
            if _is_function(token.text):
                return self.call(token)
            self.fail("查询写法有误：应为 表名(列=值, …)，括号须成对、条件中不能再有括号",
                      token.position)
        if self.at("#", "["):
            self.fail("查询写法有误：应为 表名#(列=值, …) 或 表名[金额列](列=值, …)",
                      token.position)
        return Name(token.text)

    def call(self, name: Token) -> Node:
        function = name.text.upper()
        self.expect("(", "「(」")
        args: list[Node] = []
        if not self.at(")"):
            args.append(self.comparison())
            while self.at(","):
                self.take()
                args.append(self.comparison())
        self.expect(")", "「)」或「,」")
        if function == "SUM":
            return Sum(tuple(args))
        fewest, most, _ = FUNCTIONS[function]
        if not fewest <= len(args) <= most:
            self.fail(f"{function} 需要 {fewest}–{most} 个参数，这里有 {len(args)} 个",
                      name.position)
        if function == "TEXT" and not (isinstance(args[1], Text)
                                       and valid_number_format(args[1].text)):
            self.fail('TEXT 的格式须为 "0"、"0.00"、"#,##0.00"、"0.0%" 这类数字格式',
                      name.position)
        return Call(function, tuple(args))

    def query(self, token: Token) -> Node:
        match = token.match
        amount = "金额" if match["amount"] is None else match["amount"].strip()
        if not amount:
            self.fail("「[ ]」中应为金额列名", token.position)
        start = match.start("criteria")
        criteria = self.criteria(start, start + len(match["criteria"]))
        if match["count"]:
            if match["amount"] is not None:
                self.fail("计数查询（#）不取金额列", token.position)
            if not criteria:
                self.fail("计数查询（#）至少要有一个条件", token.position)
            return Count(match["table"], criteria)
        return Query(match["table"], criteria, amount)

    def criteria(self, start: int, end: int) -> tuple[Criterion, ...]:
        """列=值, 列^=值 … between the parentheses; values are taken as written (2020-05,
        记-0001, {month})."""
        out: list[Criterion] = []
        position = start
        for part in self.text[start:end].split(","):
            stripped = part.strip()
            here = position + len(part) - len(part.lstrip())
            position += len(part) + 1
            if not stripped:
                if out or self.text[start:end].strip():
                    self.fail("查询条件为空（多了一个逗号？）", here)
                continue
            match = re.fullmatch(rf"({NAME_CHARS}+)\s*(\^?=)\s*(.+)", stripped)
            if match is None:
                self.fail("查询条件应写成 列=值 或 列^=值（以…开头）", here)
            value = match[3].strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            if match[2] == "^=" and not value:
                self.fail("「^=」后应写出开头的编码", here)
            out.append(Criterion(match[1], value, prefix=match[2] == "^="))
        return tuple(out)


def parse(text: str) -> Node:
    """Template text → node; ParseError (with the position) when it is malformed."""
    if not isinstance(text, str):
        raise ParseError("表达式应为文字", str(text), 0)
    return Parser(text).parse()
