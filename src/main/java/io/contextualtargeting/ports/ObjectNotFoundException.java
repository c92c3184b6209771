package io.contextualtargeting.ports;

/** The object a step needs is not in the store. */
public class ObjectNotFoundException extends RuntimeException {
    private final ObjectRef ref;

    public ObjectNotFoundException(ObjectRef ref) {
        super("no object at " + ref);
        this.ref = ref;
    }

    public ObjectRef ref() {
        return ref;
    }
}
