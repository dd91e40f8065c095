package dev.holdline.reply.store;

class InMemoryOperationStoreTest extends OperationStoreContract {

    @Override
    OperationStore newStore() {
        return new InMemoryOperationStore();
    }

    // One JVM, one map: the "other node" is the same store.
    @Override
    OperationStore secondNode() {
        return store;
    }

    @Override
    boolean expectedDurable() {
        return false;
    }
}
