ERRCAT_SEARCH_PART("manifest",{"format":1,"live":26,"total":26,"chunk":8,"terms":["2fa","passe"]});
