// Playout: follows a resolved timeline and drives Media into HLS.
