"""Long runs of the window's edits, undone and redone, on generated catalogs.

Each step is one user action, made of the same model edits the window pushes (the plans
for delete, duplicate, paste, merge; the undo stack of a real Document). After every step
the catalog must save to a file that opens again as the same catalog, with the same
indexes and totals as a catalog freshly loaded from it; undo and redo must give back,
byte for byte, the file of the step they return to.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from strategies import catalogs

from designer.model import Bloom, Catalog, Course, Item, Module, Outcome, Program, Totals
from designer.model.copying import clone, snippet
from designer.model.edits import AddUnit, Edit, Insert, Move, Remove, SetField, plan_delete
from designer.sharing.merge import plan_merge
from designer.storage import dumps, loads
from designer.ui.document import Document
from designer.ui.tree_model import LIST_OF

# The lists a user edits in the tree (LIST_OF: a unit's children) and the outcomes table.
LISTS = {kind: [child_list, "outcomes"] for kind, child_list in LIST_OF.items()}


class EditHistory(RuleBasedStateMachine):
    document: Document
    catalog: Catalog
    files: list[bytes]  # files[k]: the catalog's file at undo index k

    def _parents(self) -> list[Program | Course | Module]:
        return [
            *self.catalog.programs,
            *self.catalog.courses.values(),
            *self.catalog.modules.values(),
        ]

    def _lists(self) -> list[tuple[Program | Course | Module | None, str]]:
        lists: list[tuple[Program | Course | Module | None, str]] = [(None, "programs")]
        lists += [(unit, name) for unit in self._parents() for name in LISTS[type(unit)]]
        return lists

    def _push(self, edits: list[Edit], merge_key: tuple[str, str, int] | None = None) -> None:
        self.document.push(edits, "edit", merge_key)
        self.files = self.files[: self.document.undo_stack.index()] + [dumps(self.catalog)]

    # ---- the start ------------------------------------------------------------------------

    @initialize(catalog=catalogs())
    def start(self, catalog: Catalog) -> None:
        self.document = Document(catalog)
        self.catalog = catalog
        self.files = [dumps(catalog)]

    # ---- the tree -------------------------------------------------------------------------

    @rule(data=st.data())
    def add(self, data: st.DataObject) -> None:
        parent = data.draw(st.sampled_from([None, *self._parents()]))
        kind = {None: Program, Program: Course, Course: Module, Module: Item}[
            type(parent) if parent else None
        ]
        unit = kind(id=self.catalog.new_id("new"), title="New")
        list_name = LIST_OF[type(parent)] if parent else "programs"
        index = data.draw(st.integers(0, len(self.catalog.list_of(parent, list_name))))
        if isinstance(unit, Course | Module):
            self._push([AddUnit(unit), Insert(parent, list_name, index, unit.id)])
        else:
            self._push([Insert(parent, list_name, index, unit)])

    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        lists = [(p, n) for p, n in self._lists() if self.catalog.list_of(p, n)]
        if lists:
            parent, name = data.draw(st.sampled_from(lists))
            index = data.draw(st.integers(0, len(self.catalog.list_of(parent, name)) - 1))
            self._push(plan_delete(self.catalog, parent, name, index))

    @rule(data=st.data())
    def move(self, data: st.DataObject) -> None:
        lists = [(p, n) for p, n in self._lists() if len(self.catalog.list_of(p, n)) > 1]
        if lists:
            parent, name = data.draw(st.sampled_from(lists))
            last = len(self.catalog.list_of(parent, name)) - 1
            old, new = data.draw(st.integers(0, last)), data.draw(st.integers(0, last - 1))
            self._push([Move(parent, name, old, new + (new >= old))])

    @rule(data=st.data())
    def paste(self, data: st.DataObject) -> None:
        """Copy a program, course, module or item and paste it where one of its kind goes
        (a duplicate when that is its own parent)."""
        sources = [*self.catalog.programs, *self.catalog.courses.values()]
        sources += [*self.catalog.modules.values()]
        sources += [item for module in self.catalog.modules.values() for item in module.items]
        if not sources:
            return
        source = data.draw(st.sampled_from(sources))
        parent_kind = {Program: None, Course: Program, Module: Course, Item: Module}[type(source)]
        parents = [p for p in self._parents() if type(p) is parent_kind]
        if parent_kind is None:
            parent, name = None, "programs"
        elif parents:
            parent = data.draw(st.sampled_from(parents))
            name = LIST_OF[type(parent)]
        else:
            return
        copy, edits = clone(self.catalog, snippet(self.catalog, source))
        index = data.draw(st.integers(0, len(self.catalog.list_of(parent, name))))
        value = copy.id if isinstance(copy, Course | Module) else copy
        self._push([*edits, Insert(parent, name, index, value)])

    @rule(data=st.data())
    def share(self, data: st.DataObject) -> None:
        """Drag a course onto another program, or a module onto another course."""
        pairs = [
            (parent, unit_id)
            for parent in self._parents()
            if not isinstance(parent, Module)
            for unit_id in (
                self.catalog.courses if isinstance(parent, Program) else self.catalog.modules
            )
            if unit_id not in children(parent)
        ]
        if pairs:
            parent, unit_id = data.draw(st.sampled_from(pairs))
            index = data.draw(st.integers(0, len(children(parent))))
            self._push([Insert(parent, LIST_OF[type(parent)], index, unit_id)])

    @rule(data=st.data())
    def make_independent(self, data: st.DataObject) -> None:
        places = [
            (parent, index)
            for parent in self._parents()
            if not isinstance(parent, Module)
            for index, unit_id in enumerate(children(parent))
            if len(self.catalog.users(unit_id)) > 1
        ]
        if places:
            parent, index = data.draw(st.sampled_from(places))
            unit = self.catalog.get(children(parent)[index])
            copy, edits = clone(self.catalog, snippet(self.catalog, unit))
            name = LIST_OF[type(parent)]
            self._push([*edits, Remove(parent, name, index), Insert(parent, name, index, copy.id)])

    @rule(data=st.data())
    def move_item(self, data: st.DataObject) -> None:
        """Drag an item into another module."""
        modules = list(self.catalog.modules.values())
        sources = [m for m in modules if m.items]
        if sources and len(modules) > 1:
            source = data.draw(st.sampled_from(sources))
            target = data.draw(st.sampled_from([m for m in modules if m is not source]))
            row = data.draw(st.integers(0, len(source.items) - 1))
            index = data.draw(st.integers(0, len(target.items)))
            item = source.items[row]
            self._push([Remove(source, "items", row), Insert(target, "items", index, item)])

    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        """Merge one course into another, or one module into another."""
        for pool in data.draw(st.permutations([self.catalog.courses, self.catalog.modules])):
            if len(pool) > 1:
                survivor, other = data.draw(
                    st.lists(st.sampled_from(list(pool)), min_size=2, max_size=2, unique=True)
                )
                self._push(plan_merge(self.catalog, survivor, [other]))
                return

    # ---- fields and outcomes --------------------------------------------------------------

    @rule(data=st.data())
    def type_title(self, data: st.DataObject) -> None:
        """Type a title a key at a time: one undo step."""
        units = [*self._parents(), *(i for m in self.catalog.modules.values() for i in m.items)]
        if units:
            unit = data.draw(st.sampled_from(units))
            key = self.document.merge_key(unit.id, "title")
            typed = data.draw(st.text(max_size=4))
            for end in range(1, len(typed) + 1):
                if unit.title != typed[:end]:
                    self._push([SetField(unit, "title", typed[:end])], key)
            self.document.end_typing()

    @rule(data=st.data())
    def set_duration(self, data: st.DataObject) -> None:
        items = [i for m in self.catalog.modules.values() for i in m.items]
        if data.draw(st.booleans()) and items:
            item = data.draw(st.sampled_from(items))
            self._push([SetField(item, "minutes", float(data.draw(st.integers(0, 600))))])
        elif self._parents():
            unit = data.draw(st.sampled_from(self._parents()))
            if not isinstance(unit, Program):
                hours = data.draw(st.none() | st.integers(0, 80).map(float))
                self._push([SetField(unit, "hours", hours)])

    @rule(data=st.data())
    def add_outcome(self, data: st.DataObject) -> None:
        if self._parents():
            owner = data.draw(st.sampled_from(self._parents()))
            outcome = Outcome(id=self.catalog.new_id("o"), bloom=data.draw(st.sampled_from(Bloom)))
            self._push([Insert(owner, "outcomes", len(owner.outcomes), outcome)])

    @rule(data=st.data())
    def toggle_support(self, data: st.DataObject) -> None:
        """Tick or untick a parent's outcome that one of the unit's outcomes supports."""
        choices = [
            (outcome, target.id)
            for owner in self._parents()
            for outcome in owner.outcomes
            for user_id in self.catalog.users(owner.id)
            for target in self.catalog.get(user_id).outcomes
        ]
        if choices:
            outcome, target = data.draw(st.sampled_from(choices))
            if target in outcome.supports:
                self._push([Remove(outcome, "supports", outcome.supports.index(target))])
            else:
                self._push([Insert(outcome, "supports", len(outcome.supports), target)])

    @rule(data=st.data())
    def align_item(self, data: st.DataObject) -> None:
        """Tick or untick one of its module's outcomes for an item."""
        choices = [
            (item, outcome.id)
            for module in self.catalog.modules.values()
            for item in module.items
            for outcome in module.outcomes
        ]
        if choices:
            item, target = data.draw(st.sampled_from(choices))
            if target in item.outcome_ids:
                self._push([Remove(item, "outcome_ids", item.outcome_ids.index(target))])
            else:
                self._push([Insert(item, "outcome_ids", len(item.outcome_ids), target)])

    # ---- undo and redo --------------------------------------------------------------------

    @precondition(lambda self: self.document.undo_stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.document.undo_stack.undo()
        assert dumps(self.catalog) == self.files[self.document.undo_stack.index()]

    @precondition(lambda self: self.document.undo_stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.document.undo_stack.redo()
        assert dumps(self.catalog) == self.files[self.document.undo_stack.index()]

    # ---- what must hold after every step ----------------------------------------------------

    @invariant()
    def saves_to_a_file_that_opens_the_same(self) -> None:
        raw = dumps(self.catalog)
        fresh = loads(raw)
        assert dumps(fresh) == raw
        for node in self.catalog.walk():
            if isinstance(node, Course | Module):
                assert sorted(self.catalog.users(node.id)) == sorted(fresh.users(node.id))
            if isinstance(node, Outcome):
                assert sorted(self.catalog.named_by(node.id)) == sorted(fresh.named_by(node.id))
            if isinstance(node, Outcome | Item):
                assert self.catalog.owner(node.id).id == fresh.owner(node.id).id
        totals = Totals(fresh)
        for unit in self._parents():
            assert self.document.totals.hours(unit) == pytest.approx(totals.hours(unit.id))
        totals.close()

    def teardown(self) -> None:
        """Undo everything, then redo everything: the first file, then the last."""
        stack = self.document.undo_stack
        last = stack.index()
        stack.setIndex(0)
        assert dumps(self.catalog) == self.files[0]
        stack.setIndex(last)
        assert dumps(self.catalog) == self.files[last]
        self.document.close()


def children(parent: Program | Course | Module) -> list:
    return getattr(parent, LIST_OF[type(parent)])


def test_edits_undo_and_redo_to_the_same_files(qapp):
    run_state_machine_as_test(
        EditHistory,
        settings=settings(
            max_examples=60,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
