/** Users and their salted password hashes. */
package io.basalt.server.session;
