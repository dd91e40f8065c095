/** CDI integration: {@link dev.holdline.reply.Operations} as an injectable bean. */
package dev.holdline.reply.cdi;
