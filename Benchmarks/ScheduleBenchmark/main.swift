// Schedule benchmark: resolution of a 7-day timeline and its XMLTV export (issue 5).
print("not yet")
