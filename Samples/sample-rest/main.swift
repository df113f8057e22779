print("sample-rest: not written yet")
