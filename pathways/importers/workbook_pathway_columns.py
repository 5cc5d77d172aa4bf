"""The pathway template's sheets, column by column: the pathway, its steps, its transitions.
Limits come from the graph rules the API applies (engines/graph.py)."""

from __future__ import annotations

from pathways.domain.slugs import MAX_SLUG
from pathways.domain.vocabulary import TransitionKind
from pathways.domain.workbooks import Column, Sheet
from pathways.engines.graph import MAX_COST_CENTS, MAX_KEY_LENGTH, MAX_MONTHS, MAX_STAGE
from pathways.importers.workbook_column_kit import (
    API_LENGTHS,
    CREDENTIALS_NOTE,
    K,
    notes_column,
    values_of,
)

PATHWAY = Sheet(
    "Pathway",
    (
        Column(
            "Slug",
            "slug",
            K.TEXT,
            f"The pathway's address, /pathways/<slug>: lower-case "
            f"letters, digits and hyphens, 2 to {MAX_SLUG} characters. An existing pathway of "
            "the partnership is updated (its draft; a published one gets a new draft).",
            required=True,
            max_length=MAX_SLUG,
            width=22,
        ),
        Column(
            "Title",
            "title",
            K.TEXT,
            "The pathway's title.",
            required=True,
            max_length=API_LENGTHS["title"],
            width=32,
        ),
        Column(
            "Summary",
            "summary",
            K.TEXT,
            "A paragraph for readers.",
            max_length=API_LENGTHS["summary"],
            width=60,
        ),
    ),
    examples=(
        (
            "example-cna-to-rn",
            "Example: Nurse aide to registered nurse",
            "Example: start as a CNA, become an LPN, then an RN.",
        ),
    ),
)
STEPS = Sheet(
    "Steps",
    (
        Column(
            "Key",
            "key",
            K.TEXT,
            f"A short name for the step, unique in the pathway "
            f"(e.g. cna); transitions name steps by key. At most {MAX_KEY_LENGTH} characters.",
            required=True,
            max_length=MAX_KEY_LENGTH,
            width=16,
        ),
        Column(
            "SOC",
            "soc",
            K.SOC,
            "SOC 2018 code, NN-NNNN, of a catalog occupation.",
            required=True,
            width=11,
        ),
        Column(
            "Stage",
            "stage",
            K.WHOLE,
            f"1 is entry; up to {MAX_STAGE}.",
            required=True,
            low=1,
            high=MAX_STAGE,
            width=8,
        ),
        Column(
            "Label",
            "label",
            K.TEXT,
            "Optional name to show instead of the occupation's "
            "title (e.g. CNA with phlebotomy certificate).",
            max_length=API_LENGTHS["label"],
            width=36,
        ),
    ),
    examples=(
        ("example-cna", "31-1131", 1, "Example: Certified Nursing Assistant"),
        ("example-lpn", "29-2061", 2, "Example: Licensed Practical Nurse"),
    ),
)
TRANSITIONS = Sheet(
    "Transitions",
    (
        Column(
            "From",
            "source",
            K.TEXT,
            "The key of the step it starts from (Steps sheet).",
            required=True,
            width=16,
        ),
        Column(
            "To",
            "target",
            K.TEXT,
            "The key of the step it leads to (Steps sheet).",
            required=True,
            width=16,
        ),
        Column(
            "Kind",
            "kind",
            K.CHOICE,
            "advance (up a stage), lateral (across) or add_on (a "
            "certificate on the same job). Advance moves must not form a cycle.",
            required=True,
            choices=values_of(TransitionKind),
            width=10,
        ),
        Column("Credentials", "credential_ids", K.CREDENTIALS, CREDENTIALS_NOTE, width=36),
        Column(
            "Months training",
            "months_training",
            K.WHOLE,
            "Blank means 0.",
            low=0,
            high=MAX_MONTHS,
            width=10,
        ),
        Column(
            "Months experience",
            "months_experience",
            K.WHOLE,
            "Blank means 0.",
            low=0,
            high=MAX_MONTHS,
            width=11,
        ),
        Column(
            "Cost",
            "cost_cents",
            K.MONEY,
            "What the move costs, in US dollars. Blank means 0.",
            low=0,
            high=MAX_COST_CENTS / 100,
            width=10,
        ),
        Column(
            "Earn while you learn",
            "earn_while_you_learn",
            K.YES_NO,
            "yes or no (blank means no): paid while training, as in an apprenticeship.",
            width=11,
        ),
        notes_column("Anything else a reader should know."),
    ),
    examples=(
        (
            "example-cna",
            "example-lpn",
            "advance",
            None,
            12,
            6,
            4500,
            "no",
            "Example: evening classes at the community college",
        ),
    ),
)
