"""Golden cases: one folder per case with an input document, the Facts it yields and the quads it emits."""
