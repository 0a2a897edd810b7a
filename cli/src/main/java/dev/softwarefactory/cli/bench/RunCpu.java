package dev.softwarefactory.cli.bench;

import java.util.concurrent.Callable;

/** A load of runs with the CPU seconds the node alone and the node with its commands spent on it. */
record RunCpu(RunLoad.Result result, double node, double tree) {
    static RunCpu measure(ServeProcess node, TreeCpu tree, Callable<RunLoad.Result> load) throws Exception {
        double nodeBefore = node.cpuSeconds();
        double treeBefore = tree.seconds();
        RunLoad.Result result = load.call();
        return new RunCpu(result, node.cpuSeconds() - nodeBefore, tree.seconds() - treeBefore);
    }
}
