// Server: the Hummingbird application (HLS, REST API, EPG, auth).
