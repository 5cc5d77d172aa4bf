"""A pathway's entries and destinations, and every check `validate` makes (no database)."""

import pytest

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.graph import destinations, entries, validate

ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON
SOCS = frozenset({"31-1131", "29-2061", "29-1141", "31-9092"})
CREDENTIALS = frozenset({1, 2, 3})


def step(key: str, stage: int = 1, soc: str = "31-1131") -> StepSpec:
    return StepSpec(key, soc, stage)


def move(source: str, target: str, kind: TransitionKind = ADVANCE, **fields) -> TransitionSpec:
    return TransitionSpec(source, target, kind, **fields)


def check(steps, transitions=(), *, for_publish=False) -> dict[str, list[str]]:
    graph = PathwayGraph(tuple(steps), tuple(transitions))
    return validate(graph, known_socs=SOCS, known_credentials=CREDENTIALS, for_publish=for_publish)


NURSING = (step("cna"), step("lpn", 2, "29-2061"), step("rn", 3, "29-1141"))
NURSING_MOVES = (move("cna", "lpn"), move("lpn", "rn"))


def test_a_complete_pathway_is_valid_for_publishing():
    assert check(NURSING, NURSING_MOVES, for_publish=True) == {}


def test_entries_are_the_stage_one_steps_by_key():
    graph = PathwayGraph((step("lpn", 2), step("medical-assistant"), step("cna")), ())
    assert [s.key for s in entries(graph)] == ["cna", "medical-assistant"]


def test_a_pathway_may_end_in_several_destinations_by_stage_then_key():
    steps = (*NURSING, step("medical-assistant"), step("charge-nurse", 3), step("alone", 2))
    moves = (
        *NURSING_MOVES,
        move("cna", "medical-assistant", LATERAL),
        move("lpn", "charge-nurse"),
        move("rn", "charge-nurse", LATERAL),  # a lateral out does not stop rn being an end
    )
    graph = PathwayGraph(steps, moves)
    assert [s.key for s in destinations(graph)] == ["medical-assistant", "charge-nurse", "rn"]


def test_a_step_nothing_reaches_is_no_destination():
    graph = PathwayGraph((step("cna"), step("alone", 2)), ())
    assert destinations(graph) == ()


def test_an_empty_key():
    assert check([step("")]) == {"steps[0].key": ["a step needs a key"]}


def test_a_key_longer_than_80_characters():
    assert check([step("a" * 80)]) == {}
    assert check([step("a" * 81)]) == {"steps[0].key": ["at most 80 characters"]}


@pytest.mark.parametrize("key", ["CNA", "cna--lpn", "-cna", "cna-", "cna_1", "cna lpn", "rn✓"])
def test_a_key_that_is_not_lower_case_words_joined_by_hyphens(key):
    assert check([step(key)]) == {
        "steps[0].key": ["use lower-case letters, digits and single hyphens, e.g. 'cna-phlebotomy'"]
    }


def test_a_key_used_twice():
    assert check([step("cna"), step("cna")]) == {"steps[1].key": ["step key 'cna' is used twice"]}


def test_an_unknown_soc_code():
    assert check([step("cna", soc="29-9999")]) == {"steps[0].soc": ["unknown SOC code 29-9999"]}


@pytest.mark.parametrize(("stage", "valid"), [(0, False), (1, True), (20, True), (21, False)])
def test_a_stage_outside_1_to_20(stage, valid):
    expected = {} if valid else {"steps[0].stage": ["must be between 1 (entry) and 20"]}
    assert check([step("cna", stage)]) == expected


def test_a_transition_from_or_to_a_step_of_another_pathway():
    errors = check([step("cna")], [move("cna", "rn"), move("x", "cna")])
    assert errors == {
        "transitions[0].to": ["no step 'rn' in this pathway"],
        "transitions[1].from": ["no step 'x' in this pathway"],
    }


def test_a_transition_from_a_step_to_itself_is_reported_once():
    errors = check([step("cna")], [move("cna", "cna")])
    assert errors == {"transitions[0].to": ["a transition cannot lead from a step to itself"]}


def test_the_same_move_given_twice_whatever_its_kind():
    errors = check(NURSING, [*NURSING_MOVES, move("cna", "lpn", LATERAL)])
    assert errors == {"transitions[2]": ["the move from 'cna' to 'lpn' is given twice"]}


@pytest.mark.parametrize("amount", ["months_training", "months_experience", "cost_cents"])
def test_a_negative_amount(amount):
    errors = check(NURSING, [move("cna", "lpn", **{amount: -1}), NURSING_MOVES[1]])
    assert errors == {f"transitions[0].{amount}": ["must not be negative"]}


@pytest.mark.parametrize(
    ("amount", "bound", "message"),
    [
        ("months_training", 240, "must be at most 240 months (20 years)"),
        ("months_experience", 240, "must be at most 240 months (20 years)"),
        ("cost_cents", 100_000_000, "must be at most $1,000,000"),
    ],
)
def test_an_amount_beyond_sense(amount, bound, message):
    assert check(NURSING, [move("cna", "lpn", **{amount: bound})]) == {}
    errors = check(NURSING, [move("cna", "lpn", **{amount: bound + 1})])
    assert errors == {f"transitions[0].{amount}": [message]}


def test_an_unknown_credential_and_one_listed_twice():
    errors = check(NURSING, [move("cna", "lpn", credential_ids=(99, 2, 2, 1))])
    assert errors == {
        "transitions[0].credentials": ["no credential 99", "credential 2 is listed twice"]
    }


def test_advance_transitions_forming_a_cycle():
    errors = check(NURSING, [*NURSING_MOVES, move("lpn", "cna")])
    assert errors == {"transitions": ["advance transitions form a cycle: cna → lpn → cna"]}


def test_add_on_transitions_count_towards_a_cycle_and_laterals_do_not():
    steps = [*NURSING, step("cna-phlebotomy")]
    moves = [
        *NURSING_MOVES,
        move("rn", "lpn", LATERAL),  # laterals may go back and forth
        move("cna", "cna-phlebotomy", ADD_ON),
        move("cna-phlebotomy", "cna", ADD_ON),
    ]
    assert check(steps, moves) == {
        "transitions": ["add-on transitions form a cycle: cna → cna-phlebotomy → cna"]
    }


def test_each_knot_of_steps_is_reported_once_by_its_shortest_cycle():
    steps = [step(key) for key in ("a", "b", "c", "d", "x", "y")]
    moves = [
        move("b", "c"), move("c", "d"), move("d", "b"), move("c", "b"),  # one knot: b, c, d
        move("y", "x"), move("x", "y", ADD_ON),  # another, of both kinds
        move("a", "b"),  # leads into a knot, is not part of it
    ]  # fmt: skip
    assert check(steps, moves)["transitions"] == [
        "advance transitions form a cycle: b → c → b",
        "advance and add-on transitions form a cycle: x → y → x",
    ]


def test_publishing_needs_at_least_one_step():
    assert check([], for_publish=False) == {}
    assert check([], for_publish=True) == {"steps": ["a pathway needs at least one step"]}


def test_publishing_needs_an_entry_on_stage_1():
    steps, moves = NURSING[1:], NURSING_MOVES[1:]
    assert check(steps, moves) == {}
    assert check(steps, moves, for_publish=True) == {
        "steps": ["no step on stage 1: a pathway needs an entry"]
    }


def test_publishing_needs_a_destination_so_one_step_alone_cannot_be_published():
    assert check([step("cna")], for_publish=True) == {
        "steps": [
            "no destination: a pathway needs a step that a transition leads to"
            " and no advance or add-on transition leaves"
        ]
    }


def test_publishing_needs_every_step_joined_to_another():
    steps = [*NURSING, step("medical-assistant", soc="31-9092")]
    assert check(steps, NURSING_MOVES) == {}
    assert check(steps, NURSING_MOVES, for_publish=True) == {
        "steps[3]": ["not connected to any other step"]
    }


def test_messages_come_in_the_order_of_the_fields_in_the_pathway():
    steps = [step(f"s{i}", stage=21 if i in (2, 10) else 1) for i in range(12)]
    steps[10] = StepSpec("s10", "29-9999", 21)
    moves = [move("s0", "nowhere", cost_cents=-1), move("s0", "s1")]
    errors = check([*steps, step("")], [*moves, move("s1", "s0")], for_publish=True)
    assert list(errors) == [
        "steps",
        "steps[2]",
        "steps[2].stage",
        "steps[3]",
        "steps[4]",
        "steps[5]",
        "steps[6]",
        "steps[7]",
        "steps[8]",
        "steps[9]",
        "steps[10]",
        "steps[10].soc",
        "steps[10].stage",
        "steps[11]",
        "steps[12]",
        "steps[12].key",
        "transitions",
        "transitions[0].to",
        "transitions[0].cost_cents",
    ]
