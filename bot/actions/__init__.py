"""The model's actions: every change to the shared state is one function here.

An action takes who acts (`Acting`) and typed keyword-only arguments, checks the model's rules and the
permission itself, and applies the change through the one recorded write (`record`, which is
`StateStore.change(..., action=<name>)`), returning a small frozen result the handler describes, or it
raises `DomainError` (Norwegian) with nothing written. The action names stored in the history are stable:

    sign, set_date, unset_date, record_minutes, record_precondition, register_text, mark_not_relevant,
    record_assignment, bind_channel, bind_person, bind_organisation, set_mentions, choose_written_form,
    choose_channel_form, set_plan_period, renew_link, close_followup, ask_to_join, answer_join, withdraw_join,
    leave, unbind_organisation

Handlers (handlers/) parse the words, call one action and describe its result; they never name a stored
table. Reads go through the typed accessors on `StateStore` and the bot modules that own each table.
"""
