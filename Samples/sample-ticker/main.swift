print("sample-ticker: not written yet")
