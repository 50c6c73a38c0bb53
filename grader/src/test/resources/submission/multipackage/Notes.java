// A file in the default package beside packaged ones.
class Notes {
  static final String TEXT = "hello";
}
