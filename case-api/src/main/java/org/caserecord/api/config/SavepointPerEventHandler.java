package org.caserecord.api.config;

import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler of the dead-lettering read models in a savepoint of the processor's
 * batch transaction. On PostgreSQL a failed statement aborts the whole transaction, so without
 * it the dead letter could not be written (the batch would roll back and be retried for ever),
 * and a handler that failed half-way would leave its earlier writes to be committed with the
 * batch. With it, only the failed handler's writes are rolled back. The same wrapper applies
 * when a dead letter is retried, in the retry's own transaction.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;
    private final Set<String> processingGroups;

    public SavepointPerEventHandler(PlatformTransactionManager transactionManager, Set<String> processingGroups) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.processingGroups = Set.copyOf(processingGroups);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !deadLettering(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<T>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return savepoint.execute(status -> {
                        try {
                            return original.handle(message, target);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedFailure(e);
                        }
                    });
                } catch (CheckedFailure failure) {
                    throw failure.checked;
                }
            }
        };
    }

    private boolean deadLettering(Class<?> handlerClass) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        return group != null && processingGroups.contains(group.value());
    }

    /** Carries a checked handler exception through the template unchanged. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(null, checked, false, false);
            this.checked = checked;
        }
    }
}
