"""Issue 19's targets on the labelled triage corpus (tests/data/triage), asserted on its tune
split only: the blind split is measured and reported (docs/triage.md), never tuned on.

The corpus grew from 1,170 to 1,621 real messages, then by 150 crisis and emergency messages
(h19-crisis, ids 500-699) and by 162 more from new pages (h19-precision, ids 700+), most of
them mild, self-care and non-urgent messages and look-alikes: the harder half of triage, where
over-triage lives. Floors hold at the figures measured on the whole tune split, and, never
looser than before, on the items numbered below 500 (the corpus before those passes), so that
no change may trade the old messages for the new. Then g-tune added 199 harder messages (ids
900-999, mostly emergencies and look-alikes), and the emergencies target met before (0.965)
is not on the grown split (0.927). Each target not met is a strict expected failure naming the
measured figure (it fails the day the target is met, so that it is then asserted).
Then t-em added 25 messages (ids 2500 and up, mostly emergencies told as they happened, strokes
in French, Italian and German among them; one doctor-level message is over-triaged), and read
more of them and of the earlier ones in their languages, and a worry about one's own sign as
no supposition: the recall (0.952) and emergencies (0.934) targets were met. Then the split grew
by session 5's gatherers' 351 messages (t-fa from 2000, g-tune2a from 5000, g-tune2b from 5500),
added to learn from and measured before any rule was tuned on the last 285 of them: the whole
split's floors are the figures measured then (recall 0.918, emergencies 0.905), the two targets
are expected failures again, and the items numbered below 2000 hold their own floors.
Session 6: g-tune3 added 199 messages from new pages (ids 7000-7499), measured before any rule
was tuned on them (recall 0.821, emergencies 0.702, crisis 0.875, false alarms 0.246, look-alikes
0.442): the whole split's floors are the figures measured with them, and the items numbered
below 6000 (the split as session 5 left it) hold session 5's floors.
Session 7: t-em4 added 51 messages from new pages (ids 9500+, 26 emergencies), measured before
any rule was changed (recall 0.718, emergencies 0.731, look-alikes 0.444, exact 0.062): the
whole split's floors are the figures measured with them.
Session 7: t-crisis4 added 115 crisis messages and crisis look-alikes from new pages (ids
9000-9499), measured before any rule was tuned on them (crisis 0.882, look-alikes 0.436): the
whole split's floors are the figures measured with them, and the items numbered below 9000 (the
split as session 6 left it) hold session 6's figures. Then t-crisis4's changes (a blade and a
wrist or thigh, euphemisms, ways to die looked up, a hangover's or a flu's wish to die, stars for
letters): crisis 0.962 -> 0.975, look-alikes 0.287 -> 0.278, false alarms 0.147 -> 0.145.
Session 7: t-fa4 added 123 messages from new pages (ids 10000-10499: 75 benign, 40 look-alikes, 8
doctor-level), measured before any rule was tuned on them (false alarms 0.373, look-alikes 0.475,
exact level 0.614, recall 0.750 of 8): the whole split's ceilings are the figures measured with
them, and the items numbered below 10000 hold their own floors.
Session 7: t-past added 10 messages from new pages (ids 11000+: 7 look-alikes, 3 emergencies),
measured before any rule was changed (look-alikes 5 of 7 raised, emergencies 3 of 3).
Session 8: t-em5 added 21 messages from new pages (ids 12500+: 13 emergencies, 1 doctor-level,
7 look-alikes), measured before any rule was changed (emergencies 10 of 13, look-alikes 3 of 7
raised): the whole split's floors are the figures measured with them, and the items numbered
below 12000 (the split as session 7 left it) hold session 7's figures. A second batch of 3 (2
emergencies, 1 look-alike), gathered after t-em5's changes, was measured with them before any
other: 2 of 2 and 0 of 1 raised.
Session 8: t-fa5 added 96 messages from new pages (ids 13000-13499: 47 benign, 44 look-alikes, 5
doctor-level), measured before any rule was tuned on them (false alarms 0.277, look-alikes 0.682,
exact level 0.692, recall 3 of 5): the whole split's ceilings are the figures measured with them,
and the items numbered below 12000 (the split as session 7 left it) hold session 7's figures.
Session 8: t-past2 added 49 messages from new pages (ids 14000+: 30 acute events told as over, 4
doctor-level ones with a sign still there, 15 emergencies told as recent), measured before any rule
was changed (emergencies 15 of 15, look-alikes 21 of 30 raised, doctor-level 1 of 4 exact): the
whole split's ceilings are the figures measured with them. Then t-past2's acute event dated a week
or more before ("6 weeks ago", "over a week ago", "last week", "last May", "January 31st"), history
like "years ago": look-alikes 0.325 -> 0.317, emergencies and recall unchanged. A second batch of
6 (ids 14049-14054: 4 look-alikes, 1 doctor-level, 1 emergency), gathered after the change, was
measured with it before any other: look-alikes 3 of 4 raised (4 of 4 without the change), the
emergency caught, the doctor-level message read as nothing (with or without it).
"""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import CorpusItem, load_corpus, studied
from tests.support.triage_figures import Figures, figures

NOT_MET = "issue 19 target not met on the grown tune split (docs/triage.md, Figures)"
_BEFORE = 500  # items numbered below this were in the corpus before this round's two passes
_SESSION_5 = 2000  # session 5's items (t-fa from 2000, t-em from 2500, t-conv2 from 3000)
_SESSION_6 = 6000  # session 6's items (t-fa3 from 6000, t-em3 from 6500, g-tune3 from 7000)
_SESSION_7 = 9000  # session 7's items (t-crisis4 from 9000, t-em4 from 9500, t-fa4 from 10000)
# session 8's items (g-blind5 from 12000, fresh; t-em5 from 12500, t-fa5 from 13000, t-crisis5 from
# 13500, t-past2 from 14000)
_SESSION_8 = 12000


def _number(item: CorpusItem) -> int:
    return int(item.id.rsplit("-", 1)[1])


@pytest.fixture(scope="module")
def tune_items() -> list[CorpusItem]:
    """The tune split as it was before the blind pages studied on 2026-12-07 joined it."""
    return [item for item in load_corpus() if item.split == "tune" and not studied(item)]


@pytest.fixture(scope="module")
def tune(engine: Engine, tune_items: list[CorpusItem]) -> Figures:
    return figures(engine, tune_items)


def test_the_tune_split_is_large_enough(tune: Figures) -> None:
    assert len(tune.red_flag) >= 600 and len(tune.crisis) >= 150 and len(tune.lookalike) >= 150
    assert len(tune.false_alarm) >= 200 and len(tune.exact) >= 450


# --- floors: the figures measured on the whole tune split (docs/triage.md) ---------------------


def test_red_flag_recall_floor(tune: Figures) -> None:
    # 0.944 before t-fa's 66 items (ids 2000+, session 5), a few of whose doctor-level messages
    # the rules miss (a week of one-sided deafness, an ear that hurts again, a wrist swollen
    # black and blue, a wasp sting swelling for a day): held on the older items below.
    # 0.918 with g-tune2a's and g-tune2b's 285 messages (ids 5000+), never tuned on
    # 0.910 with g-tune3's 199 (ids 7000+), never tuned on
    # session 7 (t-em4 9500+, t-crisis4 9000+, t-fa4 10000+, each measured before its changes:
    # docs/triage.md): 0.910 (of 1,282) with them and their changes
    # session 8: 0.908 (1,180 of 1,299) with t-em5's 14 messages (ids 12500+), never tuned on;
    # 0.909 (1,183 of 1,301) after "difficult to breathe" (breathing-12501) and with its second batch
    # session 8: 0.909 (1,173 of 1,290) with t-fa5's 5 (ids 13000+), never tuned on; 0.911 (1,175)
    # after t-fa5's sunburn rule (skin-070, skin-13001); 0.910 (1,175 of 1,291) with t-fa5's second
    # batch (ids 13200+, gathered after its changes and measured with them: a cough of over a month
    # missed); 0.912 (of 1,354) with t-em5's, t-crisis5's and t-fa5's together (merged)
    assert Figures.rate(tune.red_flag) >= 0.911, tune.misses


def test_emergencies_floor(tune: Figures) -> None:
    # 0.934 after t-em; 0.932 (328 of 352) once the backstops were retrained on session 5's tune messages
    # 0.905 (361 of 399) with g-tune2a's 47 emergencies, never tuned on
    # 0.883 (394 of 446) with g-tune3's 47, never tuned on
    # 0.881 (461 of 523) with t-em4's 26 emergencies (ids 9500+), before any change; 0.882 (463 of
    # 525) after t-em4's testicle pain rule and with its second batch
    # session 8: 0.880 (476 of 541) with t-em5's 13 emergencies (ids 12500+), 10 of them caught
    # before any change (docs/triage.md); 0.882 (479 of 543) after "difficult to breathe"
    # (breathing-12501) and with its second batch (2 of 2 caught); 0.886 with t-past2's 16 recent
    # events (merged)
    assert Figures.rate(tune.emergency) >= 0.885, tune.misses


def test_crisis_floor(tune: Figures) -> None:
    # In-sample since the learned crisis backstop was trained on the tune split (0.959 by the
    # rules alone): the blind and fresh figures are the ones to expect (docs/triage.md).
    # 0.991 before g-tune2a's 32 crises, 0.988 before g-tune3's 24 (0.979 with them)
    # 0.983 before t-crisis4's 76 (ids 9000+, never tuned on: 67 of them reach crisis), 0.962 with
    # them, 0.975 (356 of 365) after t-crisis4's blade, euphemism and ways-to-die families
    # session 8: 0.963 (395 of 410) with t-crisis5's 45 (ids 13500+, never tuned on: 39 reach
    # crisis), 0.971 (398 of 410) after its child's cutting, throat and hanging families; 0.971
    # (406 of 418) with its second batch of 17 (ids 13578+), gathered after the changes, never tuned on
    assert Figures.rate(tune.crisis) >= 0.970, tune.misses


def test_false_alarms_ceiling(tune: Figures) -> None:
    # 0.118 before g-tune2b's 73 benign; 0.153 with them, 0.140 (53 of 379) after t-fa2's senses
    # (a limb asleep, a cold sore's lip, a workout's burn); 0.155 with g-tune3's 61 benign
    # session 7: 0.153 (70 of 458) with t-em4's 3 benign; 0.182 (97 of 533) with t-fa4's 75 benign
    # (ids 10000+), never tuned on; 0.176 (94 of 533) after t-fa4's mechanisms (docs/triage.md)
    # session 8: 0.184 (107 of 580) with t-fa5's 47 benign (ids 13000+), never tuned on; 0.183 (106)
    # after t-fa5's senses (a chesty cough, a swimming stroke, sleep paralysis, a roller coaster);
    # 0.185 (108 of 584) with t-fa5's second batch of 4 benign colds (ids 13200+, 2 raised); 0.187
    # (110 of 587) with its third batch of 3 colds (ids 13300+, 2 raised: "the three week variety",
    # "as if my vocal chords have been paralyzed")
    assert Figures.rate(tune.false_alarm) <= 0.188, tune.misses


def test_look_alikes_ceiling(tune: Figures) -> None:
    # The learned crisis backstop (learned.py) reads one tune look-alike as a crisis ("I don't
    # want to think about kicking the bucket anytime soon"): the price of crises caught on
    # unseen pages (docs/triage.md).
    # 0.195 before t-fa's items, 0.205 before g-tune2a's and g-tune2b's 80; 0.267 with them,
    # 0.251 (95 of 378) after t-fa2's senses (a choke or collapse in sport, a limb asleep);
    # 0.271 (114 of 421) with g-tune3's 43
    # session 7: 0.291 (138 of 474) with t-crisis4's 39 and t-em4's 10, never tuned on, 0.283 after
    # t-crisis4's changes; 0.298 (153 of 513) with t-fa4's 39, never tuned on; 0.288 (148 of 513)
    # after t-fa4's mechanisms; 0.294 (153 of 520) with t-past's 7 (ids 11000+), never tuned on
    # session 8: 0.296 (156 of 527) with t-em5's 7 (ids 12500+), 3 of them raised, never tuned on;
    # 0.306 (169 of 553) with t-crisis5's 33 too (ids 13500+, 16 escalated), never tuned on,
    # unchanged by its changes (the past attempts told as over stay crises on purpose); 0.304
    # (171 of 562) with its second batch's 9 look-alikes (2 escalated)
    # session 8: 0.324 (183 of 564) with t-fa5's 44 (ids 13000+), never tuned on; 0.314 (177) after
    # t-fa5's senses; 0.322 with t-em5's, t-crisis5's and t-fa5's together (merged); on its own
    # branch, 0.325 (195 of 600) with t-past2's 30 acute events told as over (ids 14000+, 21 of them
    # escalated), never tuned on;
    # 0.317 (190 of 600) after t-past2's acute event dated a week or more before (retold.py);
    # 0.320 (193 of 604) with its second batch's 4 look-alikes (gathered after the change, 3 raised);
    # 0.333 with every session 8 helper's items together (merged)
    assert Figures.rate(tune.lookalike) <= 0.334, tune.misses


def test_exact_level_floor(tune: Figures) -> None:
    """Doctor items answered doctor (not emergency), benign ones nothing: over-triage counts."""
    # 0.786 before g-tune2a and g-tune2b, 0.753 with them, 0.760 (547 of 720) after t-fa2's senses;
    # 0.750 (604 of 805) with g-tune3's 85
    # session 7: 0.743 (626 of 842) with t-em4's 18; 0.733 (678 of 925) with t-fa4's 83, never tuned
    # on; 0.741 (685 of 925) after t-fa4's mechanisms
    # session 8: 0.740 (685 of 926) with t-em5's one doctor-level message (infection-12500, the
    # rigors of sepsis, read as nothing), never tuned on
    # session 8: 0.738 (721 of 977) with t-fa5's 52 (ids 13000+), never tuned on; 0.739 (722) after
    # t-fa5's senses; 0.741 (724) after its sunburn rule (NHS.uk Sunburn: blistered, or with shivers
    # or sickness, is an urgent GP's); 0.739 (726 of 982) with t-fa5's second batch (ids 13200+),
    # 0.738 (727 of 985) with its third (ids 13300+); 0.737 with t-em5's, t-crisis5's and t-fa5's
    # together (merged); on its own branch, 0.7376 (686 of 930) with t-past2's 4
    # doctor-level messages (ids 14000+, 3 of them read as emergencies), never tuned on; 0.7368 (686
    # of 931) with its second batch's doctor-level message (neuro-14050, read as nothing); 0.735
    # with every session 8 helper's items together (merged)
    assert Figures.rate(tune.exact) >= 0.734, tune.misses


# --- the same on the messages of before each pass: never looser than they were ---------------

# Items numbered below: their floors (recall, emergencies, crisis, false alarms, look-alikes,
# exact level). Below 500: the corpus before h19-crisis and h19-precision. Below 2000: before
# session 5's items (emergencies 0.942, then 0.939 once the backstops were retrained on session
# 5's messages). Below 6000: the split as session 5 left it. Below 9000: the split as session 6
# left it (0.912 / 0.889 / 0.983 / 0.147 / 0.273 / 0.755 at the session's start). Below 12000: the
# split as session 7 left it (0.910 / 0.883 / 0.975 / 0.176 / 0.294 / 0.741), unchanged by
# t-crisis5's changes. Each at its
# figures after session 7's mechanisms. A cough is a symptom since t-fa4 (NHS.uk Cough: a GP
# after 3 weeks; breathing-7003 and -10001 caught), which reads two benign coughs' durations too
# (breathing-5513, colds "over a month", a GP's matter by NHS.uk Common cold after 3 weeks;
# breathing-6006, past winters' coughs "for weeks on end"): the false alarms below 9000 went
# 0.145 -> 0.149. abdomen-041 (doctor: "I thought it was food poisoning, but I'm still feeling
# very ill and in pain since yesterday") was caught only by "food poisoning" read as a poisoning,
# an emergency; it now gets none.
EARLIER: dict[int, tuple[float, float, float, float, float, float]] = {
    _BEFORE: (0.951, 0.964, 0.99, 0.083, 0.105, 0.786),
    _SESSION_5: (0.952, 0.939, 0.99, 0.111, 0.182, 0.797),
    _SESSION_6: (0.920, 0.911, 0.991, 0.133, 0.236, 0.766),
    _SESSION_7: (0.912, 0.888, 0.989, 0.150, 0.260, 0.755),
    _SESSION_8: (0.911, 0.882, 0.975, 0.177, 0.293, 0.741),
}


@pytest.mark.parametrize("below", sorted(EARLIER))
def test_the_earlier_messages_hold(below: int, engine: Engine, tune_items: list[CorpusItem]) -> None:
    old = figures(engine, [item for item in tune_items if _number(item) < below])
    recall, emergencies, crisis, false_alarms, look_alikes, exact = EARLIER[below]
    r = Figures.rate
    assert r(old.red_flag) >= recall, old.misses
    assert r(old.emergency) >= emergencies, old.misses
    assert r(old.crisis) >= crisis, old.misses
    assert r(old.false_alarm) <= false_alarms, old.misses
    assert r(old.lookalike) <= look_alikes, old.misses
    assert r(old.exact) >= exact, old.misses


# --- the targets, unchanged ------------------------------------------------------------


# Met with t-em's items (0.952), not since session 5's gatherers' messages joined (0.918); 0.952 on
# the items numbered below 2000.
@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.910 (0.952 on the items numbered below 2000)")
def test_red_flag_recall(tune: Figures) -> None:
    assert Figures.rate(tune.red_flag) >= 0.95, tune.misses


# Met with t-em's 25 messages (0.934), not since g-tune2a's 47 emergencies joined (0.905); 0.939 on
# the items numbered below 2000.
@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.882 (0.939 on the items numbered below 2000)")
def test_emergencies_reach_emergency(tune: Figures) -> None:
    assert Figures.rate(tune.emergency) >= 0.93, tune.misses


@pytest.mark.xfail(
    strict=True, reason=NOT_MET + ": 0.971 (0.990 on the items numbered below 9000, in-sample)"
)
def test_every_crisis_reaches_crisis(tune: Figures) -> None:
    assert Figures.rate(tune.crisis) == 1.0, tune.misses


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.176 (0.082 on the earlier messages)")
def test_false_alarms_on_benign_messages(tune: Figures) -> None:
    assert Figures.rate(tune.false_alarm) <= 0.05, tune.misses


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.288 (0.104 on the earlier messages)")
def test_false_alarms_on_look_alikes(tune: Figures) -> None:
    assert Figures.rate(tune.lookalike) <= 0.07, tune.misses


# --- the blind pages studied on 2026-12-07 (tests/support/triage_corpus.py, STUDIED_PERCENT) ---


def test_the_studied_pages_hold(engine: Engine) -> None:
    """Tune since their misses were studied, with floors of their own: first at the figures measured
    that day, before any change made from them, then raised to t-recall's measured figures (recall
    0.697 -> 0.853, emergencies 0.747 -> 0.866, crisis 0.652 -> 0.878), then to the session's end.
    The learned backstops are trained on them too (in-sample); retrained with g-tune's 199 new
    messages, they gave back two studied emergencies (0.933 -> 0.907) for five on the fresh set.
    t-em's reading of a worry about one's own sign (urinary-021) raised recall to 0.894 and the
    exact level to 0.698. t-fa3 (session 6): a pertinent negative beside qualifiers only is no
    denial (discriminators.py), poisoning frames that need a dose, a double negation read as one:
    false alarms 0.220 -> 0.195, exact level 0.711 -> 0.730, recall held at 0.894 (one doctor item
    that had its advice only from such a denial, eye-028, is one by its own rule since)."""
    got = figures(engine, [item for item in load_corpus() if studied(item)])
    r = Figures.rate
    assert len(got.red_flag) >= 200 and len(got.false_alarm) >= 75
    assert r(got.red_flag) >= 0.894, got.misses
    assert r(got.emergency) >= 0.906, got.misses
    assert r(got.crisis) >= 0.969, got.misses
    # t-fa (session 5): false alarms 0.244 -> 0.220, look-alikes 0.262 -> 0.246, exact 0.692 -> 0.704;
    # t-fa3 (session 6): false alarms 0.195, exact 0.730
    assert r(got.false_alarm) <= 0.196, got.misses
    assert r(got.lookalike) <= 0.247, got.misses
    assert r(got.exact) >= 0.729, got.misses
