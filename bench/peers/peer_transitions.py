"""The lifecycle through `transitions` (pytransitions): one Machine over one model object, which takes
each row's state and variables before its event is triggered (the library's way of driving a model
restored from storage without building a machine per row)."""
from transitions import Machine, MachineError

from lifecycle_driver import STEPS, Refused, main

STEP = {"e%d" % k: k for k in range(1, STEPS + 1)}


class Applicant:
    def __init__(self):
        self.vars = {}

    def guard(self, event):
        return self.vars["langkah"] == STEP[event.event.name] - 1

    def bump(self, event):
        self.vars["langkah"] += 1


model = Applicant()
machine = Machine(model=model, states=["s%d" % k for k in range(STEPS + 1)], initial="s0", auto_transitions=False,
                  send_event=True,
                  transitions=[{"trigger": "e%d" % k, "source": "s%d" % (k - 1), "dest": "s%d" % k,
                                "conditions": "guard", "after": "bump"} for k in range(1, STEPS + 1)])


def fire(instance, state, variables, event):
    machine.set_state(state, model)
    model.vars = variables
    try:
        moved = model.trigger(event)
    except MachineError as error:
        raise Refused("#%d: %s" % (instance, error))
    if not moved:
        raise Refused("#%d: guard of %s failed" % (instance, event))
    return model.state


if __name__ == "__main__":
    main("transitions", fire)
