/**
 * CDI side of the deadline: the {@link dev.holdline.guard.deadline.cdi.Deadline} binding and its
 * interceptor. In a package of its own because the binding shares its name with the
 * {@link dev.holdline.guard.deadline.Deadline} type it sets.
 */
package dev.holdline.guard.deadline.cdi;
