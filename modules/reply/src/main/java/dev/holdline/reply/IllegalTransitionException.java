package dev.holdline.reply;

/**
 * A change an {@link Operation} refused because {@link OperationStatus#canBecome(OperationStatus)}
 * does not allow it (for example anything after a terminal status). A caller that raced another
 * writer re-reads the operation and decides again; it is never a client error by itself.
 */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Operation operation;
    private final OperationStatus target;

    IllegalTransitionException(Operation operation, OperationStatus target) {
        super("operation " + operation.id() + " cannot go from " + operation.status() + " to " + target);
        this.operation = operation;
        this.target = target;
    }

    /** @return the operation as it was when the change was refused */
    public Operation operation() {
        return operation;
    }

    /** @return the status that was asked for */
    public OperationStatus target() {
        return target;
    }
}
