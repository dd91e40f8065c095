/**
 * Test support shared by the Holdline modules' own tests: a real embedded servlet container on
 * loopback, and a private PostgreSQL server.
 */
package dev.holdline.testing;
