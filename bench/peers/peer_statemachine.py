"""The lifecycle through python-statemachine: one machine over one model object, its current state set
from each row before the event is sent. s8 is final, and a machine that reaches a final state
terminates, so a new one is made after each e8 (making one per row costs several times more)."""
from statemachine import State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

from lifecycle_driver import STEPS, Refused, main

STEP = {"e%d" % k: k for k in range(1, STEPS + 1)}


def _definition():
    states = [State(name="s%d" % k, value="s%d" % k, initial=k == 0, final=k == STEPS) for k in range(STEPS + 1)]
    body = {"s%d" % k: states[k] for k in range(STEPS + 1)}
    for k in range(1, STEPS + 1):
        body["e%d" % k] = states[k - 1].to(states[k], cond="guard", after="bump")

    def guard(self, event):
        return self.model.vars["langkah"] == STEP[event] - 1

    def bump(self):
        self.model.vars["langkah"] += 1

    body["guard"] = guard
    body["bump"] = bump
    return type("Lifecycle", (StateMachine,), body)


Lifecycle = _definition()


class Applicant:
    def __init__(self):
        self.state = "s0"
        self.vars = {"langkah": 0}


model = Applicant()
machine = Lifecycle(model=model)


def fire(instance, state, variables, event):
    global machine
    model.vars = variables
    machine.current_state_value = state
    try:
        machine.send(event)
    except TransitionNotAllowed as error:
        raise Refused("#%d: %s" % (instance, error))
    target = model.state
    if target == "s%d" % STEPS:
        model.state = "s0"  # a machine made over a model in a final state would start terminated
        machine = Lifecycle(model=model)
    return target


if __name__ == "__main__":
    main("python-statemachine", fire)
