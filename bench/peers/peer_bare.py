"""The lifecycle with no state-machine library: a table of moves and the guard, in plain Python."""
from lifecycle_driver import STEPS, Refused, main

# (state, event) -> (target, the value of `langkah` the guard requires)
MOVES = {("s%d" % (k - 1), "e%d" % k): ("s%d" % k, k - 1) for k in range(1, STEPS + 1)}


def fire(instance, state, variables, event):
    move = MOVES.get((state, event))
    if move is None:
        raise Refused("#%d: %s not allowed in %s" % (instance, event, state))
    target, required = move
    if variables["langkah"] != required:
        raise Refused("#%d: guard vars.langkah = %d failed" % (instance, required))
    variables["langkah"] += 1
    return target


if __name__ == "__main__":
    main("python-bare", fire)
