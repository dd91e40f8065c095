package dev.holdline.tck.report;

/**
 * A test method as the runners report it: the class that was run (which may inherit the method) and
 * the method's name.
 */
record TestId(String className, String methodName) implements Comparable<TestId> {

    @Override
    public int compareTo(TestId other) {
        int byClass = NaturalOrder.INSTANCE.compare(className, other.className);
        return byClass != 0 ? byClass : NaturalOrder.INSTANCE.compare(methodName, other.methodName);
    }

    @Override
    public String toString() {
        return className + "#" + methodName;
    }
}
