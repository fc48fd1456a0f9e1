/** Users and their salted password hashes, login throttling and idle-session tracking. */
package io.basalt.server.session;
