/** The Basalt server: the composition root (BasaltServer) and the command line (Main). */
package io.basalt.server;
