package dev.holdline.reply;

/**
 * The work of an operation. It runs on the module's executor, never on the submitting request's thread,
 * and ends in one of three ways: it returns an {@link OperationOutcome} ({@code Succeeded}), throws
 * {@link OperationFailedException} ({@code Failed} with that problem) or any other exception
 * ({@code Failed} with the generic problem {@code operation-failed}, the exception only logged), or it
 * stops after {@link Progress#cancelRequested()} by returning or throwing ({@code Canceled}).
 *
 * <p>A task is interrupted when its deadline passes, when cancellation is asked for on this node, and
 * when the application is undeployed after the drain period: blocking calls should let
 * {@link InterruptedException} propagate.
 */
@FunctionalInterface
public interface OperationTask {

    /**
     * @param input    the text the operation was submitted with (often JSON), or null
     * @param progress where to report progress and see whether cancellation was asked for
     * @return what the operation produced
     * @throws Exception anything: the operation is then {@code Failed}
     */
    OperationOutcome run(String input, Progress progress) throws Exception;
}
