class Proc {
  // reading /proc/self/cmdline in a comment is not a finding
  static final String PARENT = "/proc/self/status"; /*FLAG*/
  static final String ROOT = "/proc"; /*FLAG*/
  static final String NOT_PROC = "/processor/proc";
  static final String RELATIVE = "proc/self";

  String environOf(long pid) {
    return "/proc/" + pid + "/environ"; /*FLAG*/
  }
}
