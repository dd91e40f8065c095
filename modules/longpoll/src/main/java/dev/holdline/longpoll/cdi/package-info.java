/** CDI integration, loaded only where a CDI container discovers it. */
package dev.holdline.longpoll.cdi;
