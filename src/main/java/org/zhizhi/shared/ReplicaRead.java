package org.zhizhi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that a replica may answer: figures, lists for the public and exports, which may be as old as
 * {@code zhizhi.database.replica.max-lag} (docs/scaling.md, "Read replicas"). Only the method's read-only transactions
 * go there, and only while the replica is that fresh; every other read and every write stays on the primary, so a
 * person still sees at once what he has just done. Without a replica configured the mark changes nothing.
 * <p>Put it on a method (or a class) of a module's read side whose answer nobody expects to hold their own write of a
 * moment ago; the method needs a {@code @Transactional(readOnly = true)} of its own or its class's.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplicaRead {
}
