"""The pathway panel: what a learner who holds some certificates or courses still has to do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from designer.model import distinct_titles
from designer.model.names import isolated
from designer.model.totals import format_hours
from designer.sharing.pathway import Pathway, next_programs, pathway
from designer.ui.colours import show_check_boxes
from designer.ui.document import Document
from designer.ui.fields import FittedLabel
from designer.ui.labels import tr
from designer.ui.live_view import LiveView

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


class PathwayPanel(LiveView):
    """Tick what the learner holds, pick a target: credited, remaining, where to start.

    A page like the others: its lists hold every program and used course (2,500 on a large
    catalog), too many to rebuild on each keystroke in the editor, so it reloads only when
    shown, and while shown once edits pause.

    Signals (from LiveView):
        unit_chosen(str): the designer asked to see this unit in the tree.
    """

    def __init__(self, document: Document) -> None:
        super().__init__(document, delay_ms=300)
        self._choices: list[tuple[str, str]] = []  # (id, name) of the holdings listed
        self._targets: list[tuple[str, str]] = []  # (id, name) of the targets listed
        # The units' names (distinct_titles) as refresh last worked them out: a tick or a
        # target changes no title, and working them out again took half of its time.
        self._names: dict[str, str] = {}
        self.holdings = QListWidget()
        self.holdings.setObjectName("holdings")
        self.holdings.setAccessibleName(tr("The learner holds"))
        show_check_boxes(self.holdings)
        # Rows of one height: a tick made Qt measure all of them again (2,571 on a large
        # catalog: a quarter of the tick's time). A long title is shortened in its middle
        # instead, in full in its tooltip.
        self.holdings.setUniformItemSizes(True)
        self.holdings.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.holdings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.target = QComboBox()
        self.target.setObjectName("target")
        # Long certificate titles must not make the window wider than the screen.
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(24)
        # A FittedLabel: a word-wrapped QLabel is as wide as its longest word, and a title
        # typed without spaces made the window thousands of pixels wide.
        self.summary = FittedLabel()
        self.summary.setObjectName("pathwaySummary")
        self.remaining = QListWidget()
        self.remaining.setObjectName("remainingCourses")
        self.remaining.setAccessibleName(tr("Courses still to take"))
        self.ranking = QListWidget()
        self.ranking.setObjectName("nextCertificates")
        self.ranking.setAccessibleName(tr("Cheapest next certificates"))
        for figures in (self.remaining, self.ranking):
            # A long title is shortened in its middle, so that the hours at the end of the
            # row stay in sight rather than beyond a horizontal scroll.
            figures.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            figures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        left = QVBoxLayout()
        left.addWidget(_heading(tr("<b>The learner holds</b> (certificates, then single courses)")))
        left.addWidget(self.holdings)
        right = QVBoxLayout()
        form = QFormLayout()
        form.addRow(tr("&Target certificate"), self.target)
        right.addLayout(form)
        right.addWidget(self.summary)
        right.addWidget(_heading(tr("<b>Courses still to take</b>, in the target's order")))
        right.addWidget(self.remaining, 2)
        right.addWidget(_heading(tr("<b>Cheapest next certificates</b> for this learner")))
        right.addWidget(self.ranking, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        self.holdings.itemChanged.connect(self._update)
        self.target.currentIndexChanged.connect(self._update)
        self.remaining.itemActivated.connect(
            lambda item: self.unit_chosen.emit(item.data(UNIT_ROLE))
        )
        # Enter or a double click on a next certificate plans the way to it.
        self.ranking.itemActivated.connect(self._aim_at)

    def held(self) -> list[str]:
        items = (self.holdings.item(i) for i in range(self.holdings.count()))
        return [i.data(UNIT_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def set_held(self, unit_ids: list[str]) -> None:
        for row in range(self.holdings.count()):
            item = self.holdings.item(row)
            checked = item.data(UNIT_ROLE) in unit_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        """Fill the choices from the catalog, keeping what was ticked and chosen.

        Most edits change no title and no course's use: the lists stay as they are (with
        their scroll position), and only the figures are computed again. Units of the same
        title are named so that they can be told apart (distinct_titles).
        """
        catalog = self.document.catalog
        names = self._names = distinct_titles(catalog)
        programs = [(program.id, names[program.id]) for program in catalog.programs]
        used = [c for c in catalog.courses.values() if catalog.users(c.id)]
        courses = sorted(((c.id, names[c.id]) for c in used), key=lambda c: c[1].casefold())
        if programs + courses != self._choices:
            self._fill_holdings(programs, courses)
        if programs != self._targets:
            self._fill_targets(programs)
        self._show_path(names)

    def _fill_holdings(
        self, programs: list[tuple[str, str]], courses: list[tuple[str, str]]
    ) -> None:
        held = set(self.held())
        self.holdings.blockSignals(True)
        self.holdings.clear()
        for unit_id, title in programs:
            self._add_holding(unit_id, title, bold=True, held=held)
        for unit_id, title in courses:
            self._add_holding(unit_id, title, bold=False, held=held)
        self.holdings.blockSignals(False)
        self._choices = programs + courses

    def _fill_targets(self, programs: list[tuple[str, str]]) -> None:
        target = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        for unit_id, title in programs:
            self.target.addItem(title, unit_id)
        if target is not None and self.target.findData(target) >= 0:
            self.target.setCurrentIndex(self.target.findData(target))
        self.target.blockSignals(False)
        self._targets = programs

    def _add_holding(self, unit_id: str, title: str, bold: bool, held: set[str]) -> None:
        item = QListWidgetItem(title)
        item.setData(UNIT_ROLE, unit_id)
        item.setToolTip(title)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if unit_id in held else Qt.CheckState.Unchecked)
        font = item.font()
        font.setBold(bold)
        item.setFont(font)
        self.holdings.addItem(item)

    def _aim_at(self, item: QListWidgetItem) -> None:
        index = self.target.findData(item.data(UNIT_ROLE))
        if index >= 0:
            self.target.setCurrentIndex(index)

    def _update(self, *args: Any) -> None:
        try:
            self._show_path(self._names)
        except KeyError:  # a unit come since the last refresh (an undo, a paste): named anew
            self._names = distinct_titles(self.document.catalog)
            self._show_path(self._names)

    def _show_path(self, names: dict[str, str]) -> None:
        """The chosen target's pathway for the ticked holdings, units named as names has
        them (distinct_titles, worked out once by refresh)."""
        catalog, totals = self.document.catalog, self.document.totals
        self.remaining.clear()
        self.ranking.clear()
        target_id = self.target.currentData()
        if target_id is None:
            self.summary.setText(tr("The catalog has no certificate yet."))
            return
        # The lists are of the catalog as it was when last filled (again once edits pause):
        # a unit undone or deleted since is left out, not looked for.
        if target_id not in catalog:
            return
        held = [unit_id for unit_id in self.held() if unit_id in catalog]
        path = pathway(catalog, totals, held, target_id)
        self.summary.setText(self._summary(path, names))
        for course_id in path.remaining:
            course = catalog.courses[course_id]
            left = tr("{0} h").format(format_hours(path.hours_left(totals, course_id)))
            if course_id in path.partly:  # some of its modules are held
                left = tr("{0} left of {1} h").format(left, format_hours(totals.hours(course)))
            item = QListWidgetItem(f"{isolated(names[course_id])}  ({left})")
            item.setData(UNIT_ROLE, course_id)
            item.setToolTip(item.text())  # the whole title, when the row elides it
            self.remaining.addItem(item)
        for program_id, hours in next_programs(catalog, totals, held):
            name = isolated(names[program_id])
            item = QListWidgetItem(f"{name}: {format_hours(hours)} h {tr('to go')}")
            item.setData(UNIT_ROLE, program_id)
            item.setToolTip(item.text())
            self.ranking.addItem(item)
        if not self.ranking.count():  # an empty list would look like a failure
            item = QListWidgetItem(tr("None: every certificate is held or has no courses yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ranking.addItem(item)

    def _summary(self, path: Pathway, names: dict[str, str]) -> str:
        """Credited and remaining hours and where to start, or why there is nothing to do."""
        catalog = self.document.catalog
        credited = format_hours(path.credited_hours)
        if not catalog.program(path.target).course_ids:
            # Not "nothing remains, the learner has all of it": there is nothing to have yet.
            return tr("“{0}” has no courses yet: add some to plan a way to it.").format(
                isolated(names[path.target])
            )
        if path.start is None:  # the target itself, or a certificate whose courses it has
            return tr(
                "Credited {0} h: nothing remains, the learner has every course of it."
            ).format(credited)
        remain = format_hours(path.remaining_hours)
        if path.remaining_weeks:
            text = tr("Credited {0} h; {1} h remain, about {2} weeks at {3} h a week.").format(
                credited,
                remain,
                path.remaining_weeks,
                format_hours(catalog.settings.weekly_hours),
            )
        else:  # the courses left have no hours yet: not "about 0 weeks"
            text = tr("Credited {0} h; {1} h remain.").format(credited, remain)
        return text + " " + tr("Start with “{0}”.").format(isolated(names[path.start]))


def _heading(text: str) -> QLabel:
    """A heading above a list, wrapped when the page is narrow: on one line, the three
    made the window at least 1,069 pixels wide at a 14 pt font, wider than a small screen."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label
