/** Test support shared by the Holdline modules' own tests: a real embedded servlet container on loopback. */
package dev.holdline.testing;
