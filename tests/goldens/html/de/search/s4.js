ERRCAT_SEARCH_PART("s4","////Aw==");
