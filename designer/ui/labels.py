"""Words shown for the model's values: item kinds, Bloom levels, modes of study."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from designer.model import Bloom, Delivery, ItemKind, Knowledge, Pace

_KINDS = {
    ItemKind.VIDEO: "Video",
    ItemKind.READING: "Reading",
    ItemKind.PRACTICE_QUIZ: "Practice quiz",
    ItemKind.GRADED_QUIZ: "Graded quiz",
    ItemKind.IN_VIDEO_QUIZ: "In-video quiz",
    ItemKind.LAB: "Lab",
    ItemKind.PROGRAMMING_ASSIGNMENT: "Programming assignment",
    ItemKind.PEER_REVIEW: "Peer review",
    ItemKind.SELF_REVIEW: "Self review",
    ItemKind.PLUGIN: "Plugin",
    ItemKind.DISCUSSION_PROMPT: "Discussion prompt",
    ItemKind.PROJECT: "Project",
}
_DELIVERY = {Delivery.ONLINE: "Online", Delivery.BLENDED: "Blended", Delivery.ON_SITE: "On site"}
_PACE = {Pace.PART_TIME: "Part-time", Pace.FULL_TIME: "Full-time"}


def tr(text: str) -> str:
    return QCoreApplication.translate("designer", text)


def item_kind_label(kind: ItemKind) -> str:
    return tr(_KINDS[kind])


def bloom_label(level: Bloom) -> str:
    return tr(level.value.capitalize())


def knowledge_label(dimension: Knowledge) -> str:
    return tr(dimension.value.capitalize())


def delivery_label(delivery: Delivery) -> str:
    return tr(_DELIVERY[delivery])


def pace_label(pace: Pace) -> str:
    return tr(_PACE[pace])
