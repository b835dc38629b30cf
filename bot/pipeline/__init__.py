"""The steps every request takes, in order, each one module (the middleware idea of Bolt's
slack_bolt/middleware/): a step gets the job and the rest of the chain, and answers or hands on.

    repeats     a redelivery of the same delivery is answered once per process        (repeats.py)
    again       a write another writer overtook runs the request again, in a fresh look  (again.py)
    kept        a same-all-day read asked again is answered from the kept reply       (kept.py)
    language    the reply's written form, around everything after it                  (language.py)
    errors      a domain error, a store fault or a bug becomes a short reply          (errors.py)
    size        a command over the size limit, or several in one message, is refused  (size.py)
    unbound     a reply in an unbound channel says how to bind it                     (unbound.py)
    permission  the command's declared `who` (anyone, a member, an admin)              (permission.py)
    dispatch    the command's handler, or "mente du …?"                               (dispatch.py)

The request is parsed once (`parse.py`: cleaned, the command word split and found in the router) and the
directory built once (`job.py`), whatever step asks first. `bot.core.Core` assembles the chain.
"""

from bot.pipeline.job import Job, Next, Step, chain

__all__ = ["Job", "Next", "Step", "chain"]
