"""The shape of a pathway — its entries and destinations — and the checks a draft must pass
to be saved, and further ones to be published. Messages are keyed by the field they are about
(`steps[2].key`, `transitions[0].to`), so a form or a workbook can show each where it belongs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Mapping, Sequence, Set
from itertools import pairwise

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind

KEY_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_KEY_LENGTH = 80
MAX_STAGE = 20
MAX_MONTHS = 240  # twenty years: more is a typing slip, not a pathway
MAX_COST_CENTS = 100_000_000  # $1,000,000
FORWARD = frozenset({TransitionKind.ADVANCE, TransitionKind.ADD_ON})  # these may form no cycle
FIELD_ORDER = ("", "key", "soc", "stage", "from", "to", "credentials",
               "months_training", "months_experience", "cost_cents")  # fmt: skip

Errors = dict[str, list[str]]


def entries(graph: PathwayGraph) -> tuple[StepSpec, ...]:
    """The steps one can start on without a credential: stage 1, by key."""
    return tuple(sorted((step for step in graph.steps if step.stage == 1), key=lambda s: s.key))


def destinations(graph: PathwayGraph) -> tuple[StepSpec, ...]:
    """Where a pathway leads: steps some transition reaches and no advance or add-on leaves."""
    leaving = {move.source for move in graph.transitions if move.kind in FORWARD}
    reached = {move.target for move in graph.transitions}
    ends = (step for step in graph.steps if step.key in reached and step.key not in leaving)
    return tuple(sorted(ends, key=lambda step: (step.stage, step.key)))


def validate(
    graph: PathwayGraph,
    *,
    known_socs: Set[str],
    known_credentials: Set[int],
    for_publish: bool,
) -> Errors:
    """Field → messages, in the order of the fields in the pathway; empty when valid.

    A draft may be incomplete; `for_publish` adds what a published pathway needs: an entry, a
    destination and every step joined to another.
    """
    errors: Errors = defaultdict(list)
    check_steps(graph.steps, known_socs, errors)
    check_transitions(graph, known_credentials, errors)
    check_cycles(graph, errors)
    if for_publish:
        check_publishable(graph, errors)
    return dict(sorted(errors.items(), key=lambda item: field_order(item[0])))


def check_steps(steps: Sequence[StepSpec], known_socs: Set[str], errors: Errors) -> None:
    seen: set[str] = set()
    for i, step in enumerate(steps):
        field = f"steps[{i}]"
        if not step.key:
            errors[f"{field}.key"].append("a step needs a key")
        else:
            if len(step.key) > MAX_KEY_LENGTH:
                errors[f"{field}.key"].append(f"at most {MAX_KEY_LENGTH} characters")
            if not KEY_PATTERN.fullmatch(step.key):
                errors[f"{field}.key"].append(
                    "use lower-case letters, digits and single hyphens, e.g. 'cna-phlebotomy'"
                )
            if step.key in seen:
                errors[f"{field}.key"].append(f"step key '{step.key}' is used twice")
            seen.add(step.key)
        if step.soc not in known_socs:
            errors[f"{field}.soc"].append(f"unknown SOC code {step.soc}")
        if not 1 <= step.stage <= MAX_STAGE:
            errors[f"{field}.stage"].append(f"must be between 1 (entry) and {MAX_STAGE}")


def check_transitions(graph: PathwayGraph, known_credentials: Set[int], errors: Errors) -> None:
    keys = {step.key for step in graph.steps}
    pairs: set[tuple[str, str]] = set()
    for i, move in enumerate(graph.transitions):
        field = f"transitions[{i}]"
        for end, key in (("from", move.source), ("to", move.target)):
            if key not in keys:
                errors[f"{field}.{end}"].append(f"no step '{key}' in this pathway")
        if move.source == move.target:
            errors[f"{field}.to"].append("a transition cannot lead from a step to itself")
        if (move.source, move.target) in pairs:
            errors[field].append(f"the move from '{move.source}' to '{move.target}' is given twice")
        pairs.add((move.source, move.target))
        check_amounts(move, field, errors)
        check_credentials(move.credential_ids, known_credentials, f"{field}.credentials", errors)


def check_amounts(move: TransitionSpec, field: str, errors: Errors) -> None:
    bounds = {
        "months_training": (move.months_training, MAX_MONTHS, "240 months (20 years)"),
        "months_experience": (move.months_experience, MAX_MONTHS, "240 months (20 years)"),
        "cost_cents": (move.cost_cents, MAX_COST_CENTS, "$1,000,000"),
    }
    for name, (amount, bound, bound_text) in bounds.items():
        if amount < 0:
            errors[f"{field}.{name}"].append("must not be negative")
        elif amount > bound:
            errors[f"{field}.{name}"].append(f"must be at most {bound_text}")


def check_credentials(
    ids: Sequence[int], known_credentials: Set[int], field: str, errors: Errors
) -> None:
    for credential_id in sorted(set(ids) - known_credentials):
        errors[field].append(f"no credential {credential_id}")
    for credential_id, count in sorted(Counter(ids).items()):
        if count > 1:
            errors[field].append(f"credential {credential_id} is listed twice")


def check_cycles(graph: PathwayGraph, errors: Errors) -> None:
    """One representative cycle per knot of advance and add-on transitions.

    Self-loops are left out: `transitions[i].to` already says a step cannot lead to itself.
    """
    keys = {step.key for step in graph.steps}
    following: dict[str, set[str]] = {key: set() for key in keys}
    kinds: dict[tuple[str, str], set[TransitionKind]] = defaultdict(set)
    for move in graph.transitions:
        if (
            move.kind in FORWARD
            and move.source != move.target
            and {move.source, move.target} <= keys
        ):
            following[move.source].add(move.target)
            kinds[move.source, move.target].add(move.kind)
    successors = {key: sorted(targets) for key, targets in following.items()}
    cycles = sorted(
        shortest_cycle(min(component), set(component), successors)
        for component in strong_components(successors)
        if len(component) > 1
    )
    for cycle in cycles:
        used = set().union(*(kinds[pair] for pair in pairwise(cycle)))
        which = " and ".join(kind.replace("_", "-") for kind in TransitionKind if kind in used)
        errors["transitions"].append(f"{which} transitions form a cycle: {' → '.join(cycle)}")


def strong_components(successors: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Kosaraju's algorithm, without recursion: steps that can each reach all the others."""
    finished: list[str] = []
    seen: set[str] = set()
    for root in sorted(successors):
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(successors[root]))]
        while stack:
            node, ahead = stack[-1]
            nxt = next((key for key in ahead if key not in seen), None)
            if nxt is None:
                stack.pop()
                finished.append(node)
            else:
                seen.add(nxt)
                stack.append((nxt, iter(successors[nxt])))
    preceding: dict[str, list[str]] = defaultdict(list)
    for node, targets in successors.items():
        for target in targets:
            preceding[target].append(node)
    components: list[list[str]] = []
    placed: set[str] = set()
    for root in reversed(finished):
        if root in placed:
            continue
        placed.add(root)
        component, todo = [], [root]
        while todo:
            node = todo.pop()
            component.append(node)
            fresh = [key for key in preceding[node] if key not in placed]
            placed.update(fresh)
            todo.extend(fresh)
        components.append(component)
    return components


def shortest_cycle(
    start: str, within: set[str], successors: Mapping[str, Sequence[str]]
) -> list[str]:
    """The shortest way from `start` back to itself inside one component, e.g. [a, b, a]."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in successors[node]:
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target in within and target not in came_from:
                came_from[target] = node
                queue.append(target)
    raise AssertionError(f"{start} is on no cycle")  # a component of 2+ steps always has one


def check_publishable(graph: PathwayGraph, errors: Errors) -> None:
    if not graph.steps:
        errors["steps"].append("a pathway needs at least one step")
        return
    if not entries(graph):
        errors["steps"].append("no step on stage 1: a pathway needs an entry")
    if not destinations(graph):
        errors["steps"].append(
            "no destination: a pathway needs a step that a transition leads to"
            " and no advance or add-on transition leaves"
        )
    if len(graph.steps) > 1:
        moves = [move for move in graph.transitions if move.source != move.target]
        joined = {key for move in moves for key in (move.source, move.target)}
        for i, step in enumerate(graph.steps):
            if step.key not in joined:
                errors[f"steps[{i}]"].append("not connected to any other step")


def field_order(field: str) -> tuple[int, int, int]:
    """`steps` before `steps[0]` before `steps[0].key` … before `transitions`: document order."""
    match = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if match is None:
        return (2, 0, 0)
    section, index, name = match.groups()
    known = name or ""
    position = FIELD_ORDER.index(known) if known in FIELD_ORDER else len(FIELD_ORDER)
    return (section != "steps", -1 if index is None else int(index), position)
