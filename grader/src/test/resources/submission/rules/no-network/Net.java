package net;

import java.net.*;

/** Mentions java.net.URL in Javadoc only. */
class Net {
  // new Socket("example.com", 80) would open a connection
  static final String HINT = "java.net.Socket and javax.net.ssl.SSLSocket";

  int open() throws Exception {
    try (Socket s = new Socket("example.com", 80)) { /*FLAG*/
      return s.getPort(); /*FLAG*/
    }
  }

  Object channel() throws Exception {
    return java.nio.channels.SocketChannel.open(); /*FLAG*/
  }

  String fine() {
    return HINT.toUpperCase();
  }
}
