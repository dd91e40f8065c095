/**
 * Arquillian adapter for an embedded Undertow 2.3 (Jakarta Servlet 6.0) that deploys ShrinkWrap
 * {@code WebArchive}s the way a servlet container deploys a WAR.
 * <p>
 * Put the adapter on the test class path and select it in {@code arquillian.xml}:
 * <pre>{@code
 * <container qualifier="undertow" default="true">
 *   <configuration>
 *     <property name="bindAddress">127.0.0.1</property>
 *     <property name="port">0</property>
 *     <property name="deploymentDirectory">target/undertow-deployments</property>
 *   </configuration>
 * </container>
 * }</pre>
 * What a deployment gets: the WAR exploded under the deployment directory; a WAR-first class loader; the
 * components of {@code web.xml}, {@code web-fragment.xml}s and {@code @WebServlet}/{@code @WebFilter}/
 * {@code @WebListener} (indexed with Jandex); the {@code ServletContainerInitializer}s of the WAR with their
 * {@code @HandlesTypes}; static resources from the WAR root and the libraries' {@code META-INF/resources};
 * Undertow {@code ServletExtension}s from the WAR, which is how a bundled Weld makes {@code @Inject} work in
 * servlets, filters and listeners. Not supported: JSP, security constraints and login configuration, JNDI
 * ({@code env-entry}, resource references), fragment ordering, and deploying anything but WARs.
 */
package dev.holdline.arquillian.undertow;
