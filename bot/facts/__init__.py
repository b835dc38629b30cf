"""Derived facts of the model, each decided once, by a named function, and used by every surface.

Chat replies, the planner and its digests, AU's weekly overview, the status pages, the calendar feeds, the
wheel picture and the Teams cards all ask here (or in the modules named below) instead of working a fact
out again, so two surfaces can never disagree on it:

- an item's state (done, not relevant, overdue, due, planned, open, not yet open, untracked):
  `bot.facts.item_state.item_state`; a reply carries it as `Section.state` / `Fact.state`;
- which milestone is of which kind (a signing, a meeting, the assignment agreements): `bot.facts.kinds`;
- the regional meetings an actor prepares for: `bot.facts.prepares.meetings_to_prepare`;
- who answers for an item, in a surface's wording: `bot.facts.responsible.who_answers`;
- a region's plan period: `bot.actions.plan.region_plan_period` (beside the action that sets it);
- which regions are behind, and on what: `bot.facts.behind.overdue_by_region` (built on `item_state`), and
  whose signing waits on others only: `bot.facts.behind.waiting_by_region`;
- since when an agreement can be signed: `bot.facts.signable.signable_since`;
- the cycle a read means: `bot.model.cycle.read_cycles`.
"""
