print("sample-all-nodes: not written yet")
