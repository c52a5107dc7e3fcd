// Clients of the remote services live here.
@_exported import PaddockCatalogue
