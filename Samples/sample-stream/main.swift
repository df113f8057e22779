print("sample-stream: not written yet")
