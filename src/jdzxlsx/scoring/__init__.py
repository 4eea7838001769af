"""scoring: the 绩效自评 sheet — every rate a formula over named cells of 底稿, 预算指标 and
基础信息, every score a rule of the template, beside the scores the office typed."""

from __future__ import annotations

from .card import ScoreEntry, Scorecard
from .sheet import build_scorecard

__all__ = ["ScoreEntry", "Scorecard", "build_scorecard"]
