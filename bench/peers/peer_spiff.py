"""The lifecycle through SpiffWorkflow (its core task specs, not BPMN): a workflow spec of eight manual
tasks e1 … e8 in a row, each with its guard as a Spiff operator on the task data. Spiff keeps a live
workflow object per instance (it has no way to start a workflow in a given state), made the first
time the instance is fired, inside the timed loop; the row stays authoritative: the workflow's ready
task must be the event, and the guard reads the row's variables."""
from SpiffWorkflow.operators import Attrib, Equal
from SpiffWorkflow.specs.Simple import Simple
from SpiffWorkflow.specs.WorkflowSpec import WorkflowSpec
from SpiffWorkflow.util.task import TaskState
from SpiffWorkflow.workflow import Workflow

from lifecycle_driver import STEPS, Refused, main


def _spec():
    spec = WorkflowSpec("bench_lifecycle", addstart=True)
    previous = spec.start
    for k in range(1, STEPS + 1):
        task = Simple(spec, "e%d" % k, manual=True)
        task.guard = Equal(Attrib("langkah"), k - 1)
        task.target = "s%d" % k
        task.source = "s%d" % (k - 1)
        previous.connect(task)
        previous = task
    return spec


SPEC = _spec()
workflows = {}


def fire(instance, state, variables, event):
    workflow = workflows.get(instance)
    if workflow is None:
        workflow = Workflow(SPEC)
        workflow.run_all(halt_on_manual=True)
        workflows[instance] = workflow
    task = workflow.get_next_task(state=TaskState.READY, manual=True)
    if task is None or task.task_spec.name != event or task.task_spec.source != state:
        raise Refused("#%d: %s not allowed in %s" % (instance, event, state))
    task.set_data(**variables)
    if not task.task_spec.guard._matches(task):
        raise Refused("#%d: guard of %s failed" % (instance, event))
    variables["langkah"] += 1
    task.set_data(langkah=variables["langkah"])
    task.run()
    if event == "e%d" % STEPS:
        del workflows[instance]  # finished: Spiff's object is no longer needed
    return task.task_spec.target


if __name__ == "__main__":
    main("spiffworkflow", fire)
